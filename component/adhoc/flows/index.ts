// Every telco command as an ad-hoc command, in the order clients list them.
import type { Flow } from "../flow";
import { customerFlow, paymentMethodsFlow } from "./account";
import { lastRechargesFlow } from "./last-recharges";
import {
  creditFlow,
  dashboardFlow,
  lineInfoFlow,
  optionsFlow,
  promotionsFlow,
  servicesFlow,
} from "./line-queries";
import { loginFlow } from "./login";
import { autoRechargeFlow, rechargeFlow } from "./recharges";

export const FLOWS: readonly Flow[] = [
  loginFlow,
  dashboardFlow,
  creditFlow,
  rechargeFlow,
  lastRechargesFlow,
  lineInfoFlow,
  optionsFlow,
  promotionsFlow,
  servicesFlow,
  customerFlow,
  paymentMethodsFlow,
  autoRechargeFlow,
];
