// The reference server's operations: each turns a request of the contract
// into a call of a TelcoBackend and its result into the reply's body.
import { TelcoError } from "../../errors";
import type { OperationId } from "../http/contract";
import type {
  AutoRechargeOrder,
  RechargeOrder,
  TelcoBackend,
} from "../telco-backend";

/** A request body the contract has already validated. */
type Body = Record<string, unknown> & {
  customerCode: string;
  contractCode: string;
  msisdn: string;
  msisdns: string[];
  start: string;
  end: string;
  username: string;
  password: string;
};

export type Route = (
  backend: TelcoBackend,
  body: Body,
  idempotencyKey: string,
) => Promise<unknown>;

const items = async <T>(pending: Promise<T[]>) => ({ items: await pending });

export const ROUTES: Record<OperationId, Route> = {
  login: async (backend, body) => {
    const account = await backend.login(body.username, body.password);
    if (!account) throw new TelcoError("BAD_CREDENTIALS");
    return account;
  },
  findAccount: async (backend, body) => {
    if (!backend.findAccount)
      throw new TelcoError("UNKNOWN_ACTION", "findAccount");
    const account = await backend.findAccount(body.username);
    if (!account) throw new TelcoError("BAD_CREDENTIALS");
    return account;
  },
  customer: (backend, body) => backend.customer(body.customerCode),
  lineInfo: (backend, body) => backend.lineInfo(body.msisdn),
  activeOptions: (backend, body) => items(backend.activeOptions(body.msisdn)),
  activePromotions: (backend, body) =>
    items(backend.activePromotions(body.msisdn)),
  activeServices: (backend, body) => items(backend.activeServices(body.msisdn)),
  credit: (backend, body) => backend.credit(body.msisdn),
  paymentMethods: (backend, body) =>
    items(backend.paymentMethods(body.customerCode, body.contractCode)),
  recharge: (backend, body, idempotencyKey) =>
    backend.recharge(body as unknown as RechargeOrder, idempotencyKey),
  autoRecharge: (backend, body) =>
    backend.autoRecharge(body as unknown as AutoRechargeOrder),
  lastRecharges: (backend, body) =>
    items(
      backend.lastRecharges(body.msisdns, {
        start: new Date(body.start),
        end: new Date(body.end),
      }),
    ),
};
