// The benchmark's yardstick: a component on the same connection code as the
// telco component that answers every message at once with a fixed reply.
// What it reaches is the most the XMPP server and the link allow.
import xml, { type Element } from "@xmpp/xml";
import pino from "pino";

import { NS_OOB } from "../component/protocol/namespaces";
import { ComponentConnection } from "../component/xmpp/connection";

const FIXED_PAYLOAD = JSON.stringify({
  creditAmount: "10.00",
  error: false,
  reason: "",
  status: 200,
});

function echo(request: Element): Element {
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
      xml("payload", {}, FIXED_PAYLOAD),
    ),
  );
}

const connection = new ComponentConnection({
  service: process.env.XMPP_SERVICE ?? "xmpp://127.0.0.1:5347",
  domain: process.env.COMPONENT_DOMAIN ?? "telco.localhost",
  secret: process.env.COMPONENT_SECRET ?? "",
  keepaliveIntervalMs: 30_000,
  reconnectMaxDelayMs: 5000,
  log: pino({ level: "warn" }),
});

connection.on("stanza", (stanza: Element) => {
  if (stanza.is("message") && stanza.attrs.type !== "error")
    void connection.send(echo(stanza));
});
connection.start();

for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(
    signal,
    () => void connection.stop().then(() => process.exit(0)),
  );
