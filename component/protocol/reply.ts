// Builds the reply to a telco request (spec: "Common Response"): same id,
// type and action, sent from the address the request was sent to, with a
// short human-readable <body> for clients that show only that.
import xml, { type Element } from "@xmpp/xml";

import { hashMsisdn, looksLikeMsisdn } from "../privacy/msisdn";
import { NS_OOB } from "./namespaces";
import type { TelcoRequest } from "./request";

/** The fields every reply payload carries. */
export interface CommonResponse {
  error: boolean;
  reason: string;
  status: number;
}

export type ReplyPayload = CommonResponse & Record<string, unknown>;

export function successPayload(fields: Record<string, unknown>): ReplyPayload {
  return { error: false, reason: "", status: 200, ...fields };
}

export function errorPayload(
  status: number,
  reason: string,
  fields: Record<string, unknown> = {},
): ReplyPayload {
  return { error: true, reason, status, ...fields };
}

export function buildReply(
  request: TelcoRequest,
  payload: ReplyPayload,
  body = "",
): Element {
  const attrs = {
    to: request.from,
    from: request.to,
    id: request.id || undefined,
    type: request.messageType,
  };

  return xml(
    "message",
    attrs,
    body ? xml("body", {}, body) : xml("body"),
    xml(
      "x",
      { xmlns: NS_OOB },
      xml("type", {}, request.type),
      xml("action", {}, request.action),
      xml("payload", {}, JSON.stringify(payload)),
    ),
    request.thread === undefined
      ? undefined
      : xml("thread", {}, safeThread(request.thread)),
  );
}

/** A <thread> we send never carries a clear MSISDN (spec: "MSISDN Hashing"). */
export function safeThread(thread: string): string {
  return looksLikeMsisdn(thread) ? hashMsisdn(thread.trim()) : thread;
}
