// The benchmark's yardstick: a component on the same connection code as the
// telco component that answers every message at once with a fixed reply.
// What it reaches is the most the XMPP server and the link allow.
import xml, { type Element } from "@xmpp/xml";
import pino from "pino";

import { NS_OOB } from "../component/protocol/namespaces";
import { ComponentConnection } from "../component/xmpp/connection";

// A credit reply's payload. With ECHO_STANZA_BYTES it is padded so that the
// reply stanza has that many characters: the bench sizes it like the telco
// reply it is compared with, so both cost the XMPP server the same to carry.
const BASE_PAYLOAD = JSON.stringify({
  creditAmount: "10.00",
  error: false,
  reason: "",
  status: 200,
});
const STANZA_BYTES = Number(process.env.ECHO_STANZA_BYTES ?? 0);
let payload: string | undefined;

function reply(request: Element, text: string): Element {
  return xml(
    "message",
    {
      to: request.attrs.from,
      from: request.attrs.to,
      id: request.attrs.id,
      type: request.attrs.type,
    },
    xml(
      "x",
      { xmlns: NS_OOB },
      xml("type", {}, "chat_generic"),
      xml("action", {}, "echo"),
      xml("payload", {}, text),
    ),
  );
}

/** Sized once, on the first request: the benchmark's requests are alike. */
function fixedPayload(request: Element): string {
  if (payload !== undefined) return payload;

  const missing = STANZA_BYTES - reply(request, BASE_PAYLOAD).toString().length;
  payload = BASE_PAYLOAD + " ".repeat(Math.max(0, missing));
  return payload;
}

const connection = new ComponentConnection({
  service: process.env.XMPP_SERVICE ?? "xmpp://127.0.0.1:5347",
  domain: process.env.COMPONENT_DOMAIN ?? "telco.localhost",
  secret: process.env.COMPONENT_SECRET ?? "",
  keepaliveIntervalMs: 3_600_000, // runs are short; nothing answers its pings
  reconnectMaxDelayMs: 5000,
  log: pino({ level: "warn" }),
});

connection.on("stanza", (stanza: Element) => {
  if (stanza.is("message") && stanza.attrs.type !== "error")
    void connection.send(reply(stanza, fixedPayload(stanza)));
});
connection.start();

for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(
    signal,
    () => void connection.stop().then(() => process.exit(0)),
  );
