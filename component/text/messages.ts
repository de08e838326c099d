// Every sentence and label a customer reads, in one shape per language:
// the Italian and English catalogues implement it, so a missing translation
// is a type error. Words only; layout is the business of the callers.
import type { ErrorCode } from "../errors";
import { en } from "./en";
import { it } from "./it";
import type { Language } from "./language";

/** The ad-hoc commands (and chat answers) that a customer can name. */
export type CommandKey =
  | "login"
  | "customer"
  | "lineInfo"
  | "options"
  | "promotions"
  | "services"
  | "credit"
  | "paymentMethods"
  | "recharge"
  | "autoRecharge"
  | "lastRecharges"
  | "dashboard";

export type OfferKind = "options" | "promotions" | "services";

export type LabelKey =
  | "username"
  | "password"
  | "line"
  | "lines"
  | "contract"
  | "amount"
  | "paymentMethod"
  | "from"
  | "to"
  | "allLines"
  | "name"
  | "customerCode"
  | "fiscalCode"
  | "email"
  | "birthDate"
  | "address"
  | "contracts"
  | "description"
  | "msisdn"
  | "paymentType"
  | "activationDate"
  | "expirationSimDate"
  | "productId"
  | "simType"
  | "puk"
  | "title"
  | "state"
  | "bundles"
  | "card"
  | "owner"
  | "expiryDate"
  | "code"
  | "transactionId"
  | "rechargedLine"
  | "rechargedAmount"
  | "date"
  | "bonus"
  | "outcome"
  | "credit";

export interface Messages {
  /** The name of the ad-hoc commands list, as disco shows it. */
  commandList: string;
  commands: Record<CommandKey, string>;
  labels: Record<LabelKey, string>;
  offers: Record<OfferKind, string>;
  instructions: {
    login: string;
    chooseLine: string;
    chooseContract: string;
    chooseAmount: string;
    choosePayment: string;
    confirmRecharge: string;
    confirmAutoRecharge: string;
    choosePeriod: string;
  };
  notes: {
    loginFirst: string;
    canceled: string;
    required(label: string): string;
    notAChoice(label: string): string;
    notADate(label: string): string;
    datesReversed: string;
    noPaymentMethods: string;
  };
  replies: {
    loggedIn(lines: string[]): string;
    customer(fullName: string, customerCode: string): string;
    line(msisdn: string, details: string): string;
    credit(amount: string): string;
    noOffers(kind: OfferKind): string;
    paymentMethods(cards: string[]): string;
    noPaymentMethods: string;
    recharged(amount: string, transactionId: string): string;
    autoRechargeSet: string;
    recharges(count: number): string;
    noRecharges: string;
    done: string;
  };
  /** Failures by error code (component/errors.ts); other codes fall back to their status. */
  errors: Partial<Record<ErrorCode, string>>;
  errorByStatus(status: number): string;
  chat: {
    help: string[];
    notLoggedIn: string;
    unknown(word: string): string;
    whichLine(command: string, lines: string[]): string;
    notYourLine(line: string): string;
    yourLines: string;
  };
}

const CATALOGUES: Record<Language, Messages> = { it, en };

export function messagesFor(lang: Language): Messages {
  return CATALOGUES[lang];
}
