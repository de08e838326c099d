// Telco replies as XEP-0004 result forms: a record as labelled fields, a
// list as a table (result-tables.ts), in the customer's language.
import type {
  CustomerProfile,
  LineInfo,
  Offer,
} from "../backend/telco-backend";
import type { ReplyPayload } from "../protocol/reply";
import { formatBundles, formatEuro } from "../text/format";
import type { LabelKey, OfferKind } from "../text/messages";
import type { DataForm, Field } from "./data-form";
import type { FlowContext } from "./flow";

type Row = Array<[LabelKey, unknown]>;

export function fieldsResult(
  ctx: FlowContext,
  title: string,
  rows: Row,
): DataForm {
  return {
    type: "result",
    title,
    fields: rows.map(([label, value]) => textField(ctx, label, value)),
  };
}

export function loginResult(ctx: FlowContext, reply: ReplyPayload): DataForm {
  return {
    type: "result",
    title: ctx.messages.commands.login,
    instructions: ctx.messages.replies.loggedIn(strings(reply.lines)),
    fields: [
      {
        var: "lines",
        type: "text-multi",
        label: ctx.messages.labels.lines,
        values: strings(reply.lines),
      },
    ],
  };
}

export function customerResult(
  ctx: FlowContext,
  reply: ReplyPayload,
): DataForm {
  const profile = reply as unknown as Partial<CustomerProfile>;
  const site = profile.sites?.[0];
  const address = site
    ? `${site.particleSTICA} ${site.address} ${site.houseNumber}, ${site.postalCode} ${site.city} (${site.province})`
    : "";
  const contracts = (profile.contracts ?? []).map(
    (contract) =>
      `${contract.id}: ${contract.lines.join(", ")} (${contract.expiryDate})`,
  );

  const form = fieldsResult(ctx, ctx.messages.commands.customer, [
    [
      "name",
      [profile.title, profile.name, profile.surname].filter(Boolean).join(" "),
    ],
    ["customerCode", profile.customerCode],
    ["fiscalCode", profile.fiscalCode],
    ["email", profile.email],
    ["birthDate", profile.birth?.date],
    ["address", address],
  ]);
  form.fields?.push({
    var: "contracts",
    type: "text-multi",
    label: ctx.messages.labels.contracts,
    values: contracts,
  });
  return form;
}

export function lineInfoResult(
  ctx: FlowContext,
  reply: ReplyPayload,
): DataForm {
  return fieldsResult(
    ctx,
    ctx.messages.commands.lineInfo,
    lineRows(reply as Partial<LineInfo>, true),
  );
}

export function creditResult(ctx: FlowContext, reply: ReplyPayload): DataForm {
  return fieldsResult(ctx, ctx.messages.commands.credit, [
    ["credit", formatEuro(reply.creditAmount, ctx.lang)],
  ]);
}

export function dashboardResult(
  ctx: FlowContext,
  reply: ReplyPayload,
): DataForm {
  const line = (reply.lineInfo ?? {}) as Partial<LineInfo>;
  const credit = (reply.credit ?? {}) as { creditAmount?: string };
  const form = fieldsResult(ctx, ctx.messages.commands.dashboard, [
    ...lineRows(line, false),
    ["credit", formatEuro(credit.creditAmount, ctx.lang)],
  ]);

  const sections: Array<[OfferKind, unknown]> = [
    ["options", reply.activeOptions],
    ["promotions", reply.activePromotions],
    ["services", reply.activeServices],
  ];
  for (const [kind, offers] of sections)
    form.fields?.push(offersField(ctx, kind, offers as Partial<Offer>[]));
  return form;
}

function offersField(
  ctx: FlowContext,
  kind: OfferKind,
  offers: Partial<Offer>[] = [],
): Field {
  const values = offers.map((offer) => {
    const usage = formatBundles(offer.bundle, ctx.lang);
    return usage ? `${offer.title} (${usage})` : String(offer.title ?? "");
  });
  return {
    var: kind,
    type: "text-multi",
    label: ctx.messages.offers[kind],
    values: values.length > 0 ? values : [ctx.messages.replies.noOffers(kind)],
  };
}

function lineRows(line: Partial<LineInfo>, withPuk: boolean): Row {
  const rows: Row = [
    ["msisdn", line.msisdn],
    ["description", line.description],
    ["paymentType", line.paymentType],
    ["simType", line.simType],
    ["activationDate", line.activationDate],
    ["expirationSimDate", line.expirationSimDate],
    ["productId", line.productId],
  ];
  return withPuk ? [...rows, ["puk", line.PUK]] : rows;
}

function textField(ctx: FlowContext, label: LabelKey, value: unknown): Field {
  const text = value === undefined || value === null ? "" : String(value);
  return {
    var: label,
    type: "text-single",
    label: ctx.messages.labels[label],
    values: [text],
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
