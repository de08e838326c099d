// How a command ends other than by completing: XEP-0050's stanza errors
// (§4.6), and the notes that end it when a login is missing or a telco
// action failed.
import xml from "@xmpp/xml";

import { NS_COMMANDS } from "../protocol/namespaces";
import { errorText } from "../text/error-text";
import { StanzaError } from "../xmpp-services/stanza-error";
import { FlowFailure, LoginNeeded, type FlowContext } from "./flow";

/** A stanza error carrying XEP-0050's own condition, such as <bad-sessionid/>. */
export function commandError(
  error: StanzaError,
  condition:
    "bad-action" | "bad-sessionid" | "malformed-action" | "session-expired",
): StanzaError {
  return new StanzaError(
    error.condition,
    error.type,
    error.text,
    xml(condition, { xmlns: NS_COMMANDS }),
  );
}

/** The note that ends a command on this failure; undefined if it is not one of ours. */
export function endingNote(err: unknown, ctx: FlowContext): string | undefined {
  if (err instanceof LoginNeeded) return ctx.messages.notes.loginFirst;
  if (err instanceof FlowFailure) return errorText(err.reply, ctx.lang);
  return undefined;
}
