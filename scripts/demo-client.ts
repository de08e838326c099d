// A short scripted session for `npm run demo`: logs in to the XMPP server as
// the demo account, sends the spec's login and a dashboard request to the
// component, and prints what comes back.
import { client } from "@xmpp/client";
import xml, { type Element } from "@xmpp/xml";

import { NS_OOB } from "../component/protocol/namespaces";

const service = process.env.DEMO_C2S_SERVICE ?? "xmpp://127.0.0.1:5222";
const bot = `buddy_channel@${process.env.COMPONENT_DOMAIN ?? "telco.localhost"}`;

function request(action: string, payload: object): Element {
  return xml(
    "message",
    { to: bot, id: `demo-${action}-${Date.now()}`, type: "chat" },
    xml(
      "x",
      { xmlns: NS_OOB },
      xml("type", {}, "chat_generic"),
      xml("action", {}, action),
      xml("payload", {}, JSON.stringify(payload)),
    ),
  );
}

async function main(): Promise<void> {
  const xmpp = client({
    service,
    domain: "localhost",
    username: "demo",
    password: "demo",
    resource: "demo-client",
  });
  xmpp.reconnect.stop();
  await xmpp.start();

  const ask = (stanza: Element) =>
    new Promise<string>((resolve) => {
      const onStanza = (reply: Element) => {
        if (reply.attrs.id !== stanza.attrs.id) return;
        xmpp.removeListener("stanza", onStanza);
        resolve(
          reply.getChild("x", NS_OOB)?.getChildText("payload") ??
            reply.toString(),
        );
      };
      xmpp.on("stanza", onStanza);
      void xmpp.send(stanza);
    });

  for (const [action, payload] of [
    ["cmd_login", { username: "3304578577", password: "mycoolpassword" }],
    ["cmd_dashboard", { msisdn: "3404589485" }],
  ] as const) {
    const answer = await ask(request(action, payload));
    console.log(
      `\n${action} →\n${JSON.stringify(JSON.parse(answer), null, 2)}`,
    );
  }

  await xmpp.stop();
}

main().catch((err) => {
  console.error(
    `demo client failed: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
