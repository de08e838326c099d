// The TelcoBackend interface: what the component asks of an operator's systems.
// It knows nothing about XMPP; every command module talks to it through this.

/** One customer as the login check returns it: enough to authorize later requests. */
export interface CustomerAccount {
  customerCode: string;
  contracts: ContractSummary[];
}

export interface ContractSummary {
  id: string;
  expiryDate: string;
  lines: string[];
}

export interface CustomerSite {
  type: string;
  particleSTICA: string;
  address: string;
  houseNumber: string;
  postalCode: string;
  place: string;
  city: string;
  province: string;
  country: string;
}

/** The spec's "Customer" response, without the common fields. */
export interface CustomerProfile {
  customerCode: string;
  name: string;
  surname: string;
  sex: string;
  fiscalCode: string;
  birth: {
    city: string;
    country: string;
    cityCode: string;
    faxNumber: string;
    phoneNumber: string;
    date: string;
  };
  title: string;
  email: string;
  vatCode: string;
  consentLaw19603: string;
  segment: string;
  sites: CustomerSite[];
  profile: string;
  contracts: ContractSummary[];
}

/** The spec's "Line Info" response, without the common fields. */
export interface LineInfo {
  description: string;
  msisdn: string;
  paymentType: string;
  activationDate: string;
  expirationSimDate: string;
  productId: string;
  simType: string;
  PUK: string;
}

export interface Bundle {
  type: string;
  consumed: number;
  total: number;
}

/** An option, promotion or service active on a line. */
export interface Offer {
  title: string;
  description: string;
  state: string;
  activationDate: string;
  bundle: Bundle[];
}

export interface Credit {
  /** Euros with two decimals, as a string: "10.00". */
  creditAmount: string;
}

/** A stored payment card. The security code is never stored (PCI DSS). */
export interface StoredCard {
  code: string;
  cardNumber: string;
  owner: string;
  expiryDate: string;
}

/** How an order is paid: a stored method named by its code or card number. */
export interface PaymentReference {
  code?: string;
  cardNumber?: string;
}

export interface RechargeOrder {
  customerCode: string;
  contractCode: string;
  payingMsisdn: string;
  msisdnToRecharge: string;
  /** Euros. */
  amount: number;
  label: string;
  value: string;
  payment: PaymentReference;
}

export interface RechargeReceipt {
  transactionID: string;
  rechargedAmount: number;
  value: string;
  label: string;
}

export interface AutoRechargeOrder {
  customerCode: string;
  contractCode: string;
  msisdn: string;
  label: string;
  value: string;
  payment: PaymentReference;
}

export interface RechargeRecord {
  type: string;
  msisdn: string;
  amount: string;
  amountBonus: string;
  rechargingDate: string;
}

export interface DateRange {
  start: Date;
  end: Date;
}

/**
 * The operator's systems. Implementations throw the errors of
 * `component/errors.ts` (for instance `BACKEND_UNAVAILABLE`) for expected
 * failures; anything else is an internal fault.
 */
export interface TelcoBackend {
  /** Resolves to null when the username or password is wrong. */
  login(username: string, password: string): Promise<CustomerAccount | null>;
  /**
   * The account of a username, without a password: only for senders whose
   * XMPP server authenticated them (TRUSTED_DOMAINS). Resolves to null for an
   * unknown username. Optional: without it, trusted domains cannot be used.
   */
  findAccount?(username: string): Promise<CustomerAccount | null>;
  customer(customerCode: string): Promise<CustomerProfile>;
  lineInfo(msisdn: string): Promise<LineInfo>;
  activeOptions(msisdn: string): Promise<Offer[]>;
  activePromotions(msisdn: string): Promise<Offer[]>;
  activeServices(msisdn: string): Promise<Offer[]>;
  credit(msisdn: string): Promise<Credit>;
  paymentMethods(
    customerCode: string,
    contractCode: string,
  ): Promise<StoredCard[]>;
  /**
   * Charges once per idempotency key: a second call with the same key and the
   * same order returns the first receipt; with another order it throws
   * `IDEMPOTENCY_CONFLICT`.
   */
  recharge(
    order: RechargeOrder,
    idempotencyKey: string,
  ): Promise<RechargeReceipt>;
  autoRecharge(order: AutoRechargeOrder): Promise<void>;
  lastRecharges(msisdns: string[], range: DateRange): Promise<RechargeRecord[]>;
  close(): Promise<void>;
}
