// Puts the line cache in front of a telco backend. Commands see an ordinary
// TelcoBackend: the five dashboard sub-results come through the cache, the
// writes clear what they change before they return, and every call that
// reaches the backend is counted.
import type {
  AutoRechargeOrder,
  CustomerAccount,
  RechargeOrder,
  TelcoBackend,
} from "../backend/telco-backend";
import type { Metrics } from "../metrics";
import type { Section } from "./sections";
import type { SubResultCache } from "./sub-result-cache";

export class CachedBackend implements TelcoBackend {
  /** Present when the backend behind has it (trusted domains need it). */
  readonly findAccount?: (username: string) => Promise<CustomerAccount | null>;

  constructor(
    private readonly backend: TelcoBackend,
    private readonly cache: SubResultCache,
    private readonly metrics: Metrics,
  ) {
    const findAccount = backend.findAccount?.bind(backend);
    if (findAccount)
      this.findAccount = (username) =>
        this.counted("findAccount", () => findAccount(username));
  }

  lineInfo(msisdn: string) {
    return this.cached(msisdn, "lineInfo", () => this.backend.lineInfo(msisdn));
  }

  activeOptions(msisdn: string) {
    return this.cached(msisdn, "activeOptions", () =>
      this.backend.activeOptions(msisdn),
    );
  }

  activePromotions(msisdn: string) {
    return this.cached(msisdn, "activePromotions", () =>
      this.backend.activePromotions(msisdn),
    );
  }

  activeServices(msisdn: string) {
    return this.cached(msisdn, "activeServices", () =>
      this.backend.activeServices(msisdn),
    );
  }

  credit(msisdn: string) {
    return this.cached(msisdn, "credit", () => this.backend.credit(msisdn));
  }

  /**
   * A recharge changes the credit of the line topped up, and may bring a
   * bonus or a promotion with it: the whole line is cleared, as is the
   * paying line. Only then does the receipt go back to the customer.
   */
  async recharge(order: RechargeOrder, idempotencyKey: string) {
    const receipt = await this.counted("recharge", () =>
      this.backend.recharge(order, idempotencyKey),
    );

    await this.cache.invalidate(order.msisdnToRecharge);
    if (order.payingMsisdn !== order.msisdnToRecharge)
      await this.cache.invalidate(order.payingMsisdn);
    return receipt;
  }

  async autoRecharge(order: AutoRechargeOrder) {
    await this.counted("autoRecharge", () => this.backend.autoRecharge(order));
    await this.cache.invalidate(order.msisdn);
  }

  login(username: string, password: string) {
    return this.counted("login", () => this.backend.login(username, password));
  }

  customer(customerCode: string) {
    return this.counted("customer", () => this.backend.customer(customerCode));
  }

  paymentMethods(customerCode: string, contractCode: string) {
    return this.counted("paymentMethods", () =>
      this.backend.paymentMethods(customerCode, contractCode),
    );
  }

  /** Never cached: a date-range query, and the first thing a recharge changes. */
  lastRecharges(msisdns: string[], range: { start: Date; end: Date }) {
    return this.counted("lastRecharges", () =>
      this.backend.lastRecharges(msisdns, range),
    );
  }

  close() {
    return this.backend.close();
  }

  private cached<T>(msisdn: string, section: Section, load: () => Promise<T>) {
    return this.cache.read(msisdn, section, () => this.counted(section, load));
  }

  private async counted<T>(method: string, call: () => Promise<T>) {
    try {
      const result = await call();
      this.metrics.backendCalls.inc({ method, outcome: "ok" });
      return result;
    } catch (err) {
      this.metrics.backendCalls.inc({ method, outcome: "failed" });
      throw err;
    }
  }
}
