// The short human-readable text of a telco reply (docs/clients.md,
// "Readable replies"): the <body> that a plain client shows beside the
// JSON payload, and what the chat interface answers.
import type {
  Credit,
  LineInfo,
  Offer,
  RechargeRecord,
} from "../backend/telco-backend";
import type { ReplyPayload } from "../protocol/reply";
import { errorText } from "./error-text";
import { formatBundles, formatEuro, formatInstant } from "./format";
import type { Language } from "./language";
import { messagesFor, type OfferKind } from "./messages";

type Describe = (payload: ReplyPayload, lang: Language) => string;

const OFFER_ACTIONS: Record<string, OfferKind> = {
  cmd_active_options: "options",
  cmd_active_promotions: "promotions",
  cmd_active_services: "services",
};

const DESCRIBERS: Record<string, Describe> = {
  cmd_login: (p, lang) => messagesFor(lang).replies.loggedIn(strings(p.lines)),
  cmd_customer: (p, lang) =>
    messagesFor(lang).replies.customer(
      `${text(p.name)} ${text(p.surname)}`.trim(),
      text(p.customerCode),
    ),
  cmd_line_info: (p, lang) => describeLine(p as Partial<LineInfo>, lang),
  cmd_credit: (p, lang) => describeCredit(p as Partial<Credit>, lang),
  cmd_payment_methods: (p, lang) => describePaymentMethods(p, lang),
  cmd_recharge: (p, lang) =>
    messagesFor(lang).replies.recharged(
      formatEuro(p.rechargedAmount, lang),
      text(p.transactionID),
    ),
  cmd_auto_recharge: (_p, lang) => messagesFor(lang).replies.autoRechargeSet,
  cmd_last_recharges: (p, lang) =>
    describeRecharges(p.data as RechargeRecord[] | undefined, lang),
  cmd_dashboard: (p, lang) => describeDashboard(p, lang),
};

export function describeReply(
  action: string,
  payload: ReplyPayload,
  lang: Language,
): string {
  if (payload.error) return describeFailure(action, payload, lang);

  const offerKind = OFFER_ACTIONS[action];
  if (offerKind)
    return describeOffers(offerKind, payload.items as Offer[], lang);

  const describe = DESCRIBERS[action];
  return describe ? describe(payload, lang) : messagesFor(lang).replies.done;
}

/** A dashboard answered in part still shows what it has, then the failure. */
function describeFailure(
  action: string,
  payload: ReplyPayload,
  lang: Language,
): string {
  const failure = errorText(payload, lang);
  if (action !== "cmd_dashboard" || !payload.credit) return failure;

  return `${describeDashboard(payload, lang)}\n${failure}`;
}

export function describeLine(info: Partial<LineInfo>, lang: Language): string {
  const details = [info.description, info.paymentType, info.simType]
    .filter(Boolean)
    .join(", ");
  return messagesFor(lang).replies.line(text(info.msisdn), details);
}

export function describeCredit(
  credit: Partial<Credit>,
  lang: Language,
): string {
  return messagesFor(lang).replies.credit(
    formatEuro(credit.creditAmount, lang),
  );
}

export function describeOffers(
  kind: OfferKind,
  offers: Partial<Offer>[] | undefined,
  lang: Language,
): string {
  const messages = messagesFor(lang);
  if (!offers || offers.length === 0) return messages.replies.noOffers(kind);

  const listed = offers.map((offer) => {
    const usage = formatBundles(offer.bundle, lang);
    return usage ? `${text(offer.title)} (${usage})` : text(offer.title);
  });
  return `${messages.offers[kind]}: ${listed.join("; ")}`;
}

function describePaymentMethods(payload: ReplyPayload, lang: Language): string {
  const messages = messagesFor(lang);
  const methods = (payload.paymentMethods ?? []) as Array<{
    cardInfo?: { cardNumber?: string; owner?: string };
  }>;
  if (methods.length === 0) return messages.replies.noPaymentMethods;

  return messages.replies.paymentMethods(
    methods.map(
      ({ cardInfo }) =>
        `${text(cardInfo?.cardNumber)} (${text(cardInfo?.owner)})`,
    ),
  );
}

export function describeRecharges(
  records: Partial<RechargeRecord>[] | undefined,
  lang: Language,
): string {
  const messages = messagesFor(lang);
  if (!records || records.length === 0) return messages.replies.noRecharges;

  const rows = records.map((record) => {
    const bonus = record.amountBonus
      ? ` (+${formatEuro(record.amountBonus, lang)} ${messages.labels.bonus.toLowerCase()})`
      : "";
    const when = formatInstant(record.rechargingDate, lang);
    return `${when} · ${text(record.msisdn)} · ${formatEuro(record.amount, lang)}${bonus}`;
  });
  return [messages.replies.recharges(records.length), ...rows].join("\n");
}

function describeDashboard(payload: ReplyPayload, lang: Language): string {
  const sections = [
    payload.lineInfo && describeLine(payload.lineInfo as LineInfo, lang),
    payload.credit && describeCredit(payload.credit as Credit, lang),
    payload.activeOptions &&
      describeOffers("options", payload.activeOptions as Offer[], lang),
    payload.activePromotions &&
      describeOffers("promotions", payload.activePromotions as Offer[], lang),
    payload.activeServices &&
      describeOffers("services", payload.activeServices as Offer[], lang),
  ];
  return sections.filter(Boolean).join("\n");
}

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}
