// Telco replies that are lists, as XEP-0004 tables (§3.4: a <reported/>
// header and one <item/> per row): offers, payment methods, top-ups.
import type { Offer, RechargeRecord } from "../backend/telco-backend";
import type { ReplyPayload } from "../protocol/reply";
import { formatBundles, formatEuro, formatInstant } from "../text/format";
import type { LabelKey, OfferKind } from "../text/messages";
import type { DataForm } from "./data-form";
import type { FlowContext } from "./flow";

export function offersResult(
  ctx: FlowContext,
  kind: OfferKind,
  reply: ReplyPayload,
): DataForm {
  const offers = (reply.items ?? []) as Partial<Offer>[];
  return {
    type: "result",
    title: ctx.messages.commands[kind],
    instructions:
      offers.length === 0 ? ctx.messages.replies.noOffers(kind) : undefined,
    table: {
      columns: columns(ctx, [
        "title",
        "description",
        "state",
        "activationDate",
        "bundles",
      ]),
      rows: offers.map((offer) => ({
        title: String(offer.title ?? ""),
        description: String(offer.description ?? ""),
        state: String(offer.state ?? ""),
        activationDate: String(offer.activationDate ?? ""),
        bundles: formatBundles(offer.bundle, ctx.lang),
      })),
    },
  };
}

export function paymentMethodsResult(
  ctx: FlowContext,
  reply: ReplyPayload,
): DataForm {
  const methods = (reply.paymentMethods ?? []) as Array<{
    code?: string;
    cardInfo?: { cardNumber?: string; owner?: string; expiryDate?: string };
  }>;
  return {
    type: "result",
    title: ctx.messages.commands.paymentMethods,
    instructions:
      methods.length === 0 ? ctx.messages.replies.noPaymentMethods : undefined,
    table: {
      columns: columns(ctx, ["card", "owner", "expiryDate", "code"]),
      rows: methods.map(({ code, cardInfo }) => ({
        card: cardInfo?.cardNumber ?? "",
        owner: cardInfo?.owner ?? "",
        expiryDate: cardInfo?.expiryDate ?? "",
        code: code ?? "",
      })),
    },
  };
}

export function rechargesResult(
  ctx: FlowContext,
  reply: ReplyPayload,
): DataForm {
  const records = (reply.data ?? []) as Partial<RechargeRecord>[];
  return {
    type: "result",
    title: ctx.messages.commands.lastRecharges,
    instructions:
      records.length === 0 ? ctx.messages.replies.noRecharges : undefined,
    table: {
      columns: columns(ctx, ["date", "msisdn", "amount", "bonus", "outcome"]),
      rows: records.map((record) => ({
        date: formatInstant(record.rechargingDate, ctx.lang),
        msisdn: String(record.msisdn ?? ""),
        amount: formatEuro(record.amount, ctx.lang),
        bonus: record.amountBonus
          ? formatEuro(record.amountBonus, ctx.lang)
          : "",
        outcome: String(record.type ?? ""),
      })),
    },
  };
}

/** A dashboard as one form: the line, its credit, then each kind of offer as lines of text. */
function columns(ctx: FlowContext, labels: LabelKey[]) {
  return labels.map((label) => ({
    var: label,
    label: ctx.messages.labels[label],
  }));
}
