// TelcoBackend over HTTP (BACKEND=http): each method is one operation of
// contract/telco-backend.openapi.yaml, sent through the circuit breaker and
// the retry policy, its reply held to the contract before use.
import { TelcoError } from "../../errors";
import type { Logger } from "../../logger";
import type {
  AutoRechargeOrder,
  CustomerAccount,
  CustomerProfile,
  Credit,
  DateRange,
  LineInfo,
  Offer,
  RechargeOrder,
  RechargeReceipt,
  RechargeRecord,
  StoredCard,
  TelcoBackend,
} from "../telco-backend";
import { createBreaker, type Breaker } from "./breaker";
import type { HttpBackendConfig } from "./config";
import {
  backendContract,
  type BackendContract,
  type OperationId,
} from "./contract";
import { BackendExchange } from "./exchange";
import { ContractViolation } from "./failures";
import { readReply } from "./replies";
import { withRetries, type RetryListener, type RetryPolicy } from "./retry";

export interface HttpBackendOptions {
  config: HttpBackendConfig;
  /** The whole call's time limit, BACKEND_TIMEOUT_MS. */
  budgetMs: number;
  log: Logger;
  contract?: BackendContract;
}

type Items<T> = { items: T[] };

export class HttpBackend implements TelcoBackend {
  /** How many calls each method received, like DemoBackend's, for tests and metrics. */
  readonly calls: Partial<Record<OperationId, number>> = {};
  private readonly contract: BackendContract;
  private readonly exchange: BackendExchange;
  private readonly breaker: Breaker;
  private readonly policy: RetryPolicy;
  private readonly log: Logger;

  constructor(options: HttpBackendOptions) {
    const { config, log } = options;
    this.contract = options.contract ?? backendContract();
    this.exchange = new BackendExchange(config);
    this.breaker = createBreaker(config.breaker, log);
    this.policy = {
      budgetMs: options.budgetMs,
      attemptTimeoutMs: config.attemptTimeoutMs,
      retries: config.retries,
    };
    this.log = log;
  }

  login(username: string, password: string): Promise<CustomerAccount | null> {
    return this.call("login", { username, password });
  }

  findAccount(username: string): Promise<CustomerAccount | null> {
    return this.call("findAccount", { username });
  }

  customer(customerCode: string): Promise<CustomerProfile> {
    return this.call("customer", { customerCode });
  }

  lineInfo(msisdn: string): Promise<LineInfo> {
    return this.call("lineInfo", { msisdn });
  }

  async activeOptions(msisdn: string): Promise<Offer[]> {
    return (await this.call<Items<Offer>>("activeOptions", { msisdn })).items;
  }

  async activePromotions(msisdn: string): Promise<Offer[]> {
    const reply = await this.call<Items<Offer>>("activePromotions", { msisdn });
    return reply.items;
  }

  async activeServices(msisdn: string): Promise<Offer[]> {
    return (await this.call<Items<Offer>>("activeServices", { msisdn })).items;
  }

  credit(msisdn: string): Promise<Credit> {
    return this.call("credit", { msisdn });
  }

  async paymentMethods(
    customerCode: string,
    contractCode: string,
  ): Promise<StoredCard[]> {
    const body = { customerCode, contractCode };
    return (await this.call<Items<StoredCard>>("paymentMethods", body)).items;
  }

  /** Safe to retry: the backend charges once per Idempotency-Key. */
  recharge(
    order: RechargeOrder,
    idempotencyKey: string,
  ): Promise<RechargeReceipt> {
    return this.call("recharge", order, { "idempotency-key": idempotencyKey });
  }

  async autoRecharge(order: AutoRechargeOrder): Promise<void> {
    await this.call("autoRecharge", order);
  }

  async lastRecharges(
    msisdns: string[],
    range: DateRange,
  ): Promise<RechargeRecord[]> {
    const body = {
      msisdns,
      start: isoOf(range.start, "startDate"),
      end: isoOf(range.end, "endDate"),
    };
    return (await this.call<Items<RechargeRecord>>("lastRecharges", body))
      .items;
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    await this.exchange.close();
  }

  /** One operation: breaker, then attempts within the budget, then the contract. */
  private call<T>(
    id: OperationId,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    this.calls[id] = (this.calls[id] ?? 0) + 1;
    const operation = this.contract.operation(id);

    const attempt = async (timeoutMs: number) => {
      const reply = await this.exchange.post(
        operation.path,
        body,
        timeoutMs,
        headers,
      );
      return readReply(this.contract, operation, reply) as T;
    };

    return this.breaker.guard(() =>
      withRetries(attempt, this.policy, this.retryLogger(id)).catch((err) => {
        throw this.fault(id, err);
      }),
    );
  }

  private retryLogger(id: OperationId): RetryListener {
    return (failure, attempt, retryInMs) =>
      this.log.warn(
        { operation: id, attempt, retryInMs, why: failure.message },
        "telco backend call failed, retrying",
      );
  }

  /** A broken reply is the backend's fault: said once at error, answered 502. */
  private fault(id: OperationId, err: unknown): unknown {
    if (!(err instanceof ContractViolation)) return err;

    this.log.error(
      { operation: id, why: err.message },
      "backend reply breaks the contract (contract/telco-backend.openapi.yaml): answered 502",
    );
    return TelcoError.because(err, "BACKEND_BAD_RESPONSE");
  }
}

function isoOf(date: Date, field: string): string {
  if (Number.isNaN(date.getTime()))
    throw new TelcoError("INVALID_PAYLOAD", `${field} is not a valid date`);
  return date.toISOString();
}
