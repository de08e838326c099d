// The twelve telco commands, by action name.
import { autoRecharge } from "./auto-recharge";
import type { Command } from "./command";
import { credit } from "./credit";
import { customer } from "./customer";
import { dashboard } from "./dashboard";
import { lastRecharges } from "./last-recharges";
import { lineInfo } from "./line-info";
import { login } from "./login";
import { activeOptions, activePromotions, activeServices } from "./offers";
import { paymentMethods } from "./payment-methods";
import { recharge } from "./recharge";

const ALL: Command[] = [
  login,
  customer,
  lineInfo,
  activeOptions,
  activePromotions,
  activeServices,
  credit,
  paymentMethods,
  recharge,
  autoRecharge,
  lastRecharges,
  dashboard,
];

const BY_ACTION = new Map(ALL.map((command) => [command.action, command]));

export const ACTIONS: string[] = ALL.map((command) => command.action);

export function findCommand(action: string): Command | undefined {
  return BY_ACTION.get(action);
}
