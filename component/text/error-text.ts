// A failed reply's reason (component/errors.ts, in English for developers)
// told to a customer in their language. The code is recognised from the
// reason itself, which the registry's templates produce.
import { errorDefinitions, type ErrorCode } from "../errors";
import type { Language } from "./language";
import { messagesFor } from "./messages";

interface FailedReply {
  status: number;
  reason: string;
}

// The most specific template first: "Bad request: payload is not valid JSON
// (%s)" must win over "Bad request: %s", which would also match.
const PATTERNS: Array<[ErrorCode, RegExp]> = Object.entries(errorDefinitions)
  .sort(([, a], [, b]) => literalLength(b.reason) - literalLength(a.reason))
  .map(([code, { reason }]) => [code as ErrorCode, templatePattern(reason)]);

export function errorText(reply: FailedReply, lang: Language): string {
  const messages = messagesFor(lang);
  const code = errorCodeOf(reply.reason);
  const text = code ? messages.errors[code] : undefined;
  if (!text) return messages.errorByStatus(reply.status);

  // A bad request names the field at fault: worth showing, even in English.
  const detail = code === "INVALID_PAYLOAD" ? detailOf(reply.reason) : "";
  return detail ? `${text}: ${detail}` : text;
}

/** The registry code whose template produced this reason, if any. */
export function errorCodeOf(reason: string): ErrorCode | undefined {
  return PATTERNS.find(([, pattern]) => pattern.test(reason))?.[0];
}

function templatePattern(template: string): RegExp {
  const parts = template.split("%s").map(escapeRegExp);
  return new RegExp(`^${parts.join("(.*)")}$`, "s");
}

function literalLength(template: string): number {
  return template.replaceAll("%s", "").length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function detailOf(reason: string): string {
  const colon = reason.indexOf(": ");
  return colon === -1 ? "" : reason.slice(colon + 2);
}
