// Builds request stanzas for tests: the spec's own examples, read verbatim
// from test/fixtures/spec/, or new ones from a payload.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import xml, { type Element } from "@xmpp/xml";
import parse from "ltx/lib/parse.js";

import { NS_OOB } from "../../component/protocol/namespaces";

const FIXTURES = join(__dirname, "..", "fixtures", "spec");
let counter = 0;

export function uniqueId(prefix = "req"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}

/** The spec's example for an action, as written, addressed to `to`. */
export function specExample(
  action: string,
  kind: "request" | "response",
  to: string,
): Element {
  const stanza = parse(
    readFileSync(join(FIXTURES, `${action}.${kind}.xml`), "utf8"),
  );
  stanza.attrs.to = to;
  return stanza;
}

export function telcoRequest(
  to: string,
  action: string,
  payload: unknown,
  id = uniqueId(),
): Element {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);

  return xml(
    "message",
    { to, id, type: "chat" },
    xml("body"),
    xml(
      "x",
      { xmlns: NS_OOB },
      xml("type", {}, "chat_generic"),
      xml("action", {}, action),
      xml("payload", {}, text),
    ),
  );
}

export interface ReplyView {
  type: string | null;
  action: string | null;
  payload: Record<string, unknown>;
  thread: string | null;
}

export function readReply(stanza: Element): ReplyView {
  const oob = stanza.getChild("x", NS_OOB);
  if (!oob) throw new Error(`not a telco reply: ${stanza.toString()}`);

  return {
    type: oob.getChildText("type"),
    action: oob.getChildText("action"),
    payload: JSON.parse(oob.getChildText("payload") ?? "null"),
    thread: stanza.getChildText("thread"),
  };
}
