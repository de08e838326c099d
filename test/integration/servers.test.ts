// Proves the integration harness (test/support/global-setup.ts): the test
// accounts log in to the real Prosody over c2s, and a bare XEP-0114
// component on the component port receives what they send to its domain.
import { client, type Client } from "@xmpp/client";
import { component, type Component } from "@xmpp/component";
import xml, { type Element } from "@xmpp/xml";

import { testEnv } from "../support/env";

const env = testEnv();
const stoppers: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const stop of stoppers.splice(0)) await stop().catch(() => undefined);
});

async function logIn(username: string, password: string): Promise<Client> {
  const xmpp = client({
    service: env.c2sService,
    domain: env.xmppDomain,
    username,
    password,
  });
  xmpp.reconnect.stop();
  xmpp.on("error", () => undefined);
  stoppers.push(() => xmpp.stop());

  await xmpp.start();
  return xmpp;
}

async function connectComponent(): Promise<Component> {
  const entity = component({
    service: env.componentService,
    domain: env.componentDomain,
    password: env.componentSecret,
  });
  entity.reconnect.stop();
  entity.on("error", () => undefined);
  stoppers.push(() => entity.stop());

  await entity.start();
  return entity;
}

function nextMessage(entity: Component): Promise<Element> {
  return new Promise((resolve) => {
    const onStanza = (stanza: Element) => {
      if (!stanza.is("message")) return;
      entity.off("stanza", onStanza);
      resolve(stanza);
    };
    entity.on("stanza", onStanza);
  });
}

describe("the integration servers", () => {
  it("log alice in over c2s without TLS", async () => {
    const alice = await logIn("alice", "alice-pass");

    expect(alice.jid?.bare().toString()).toBe(`alice@${env.xmppDomain}`);
  });

  it("refuse a wrong password", async () => {
    await expect(logIn("bob", "not-bob-pass")).rejects.toThrow(
      /not-authorized/,
    );
  });

  it("route alice's message to a component connected with the secret", async () => {
    const bot = await connectComponent();
    const alice = await logIn("alice", "alice-pass");
    const to = `bot@${env.componentDomain}`;
    const received = nextMessage(bot);

    await alice.send(
      xml("message", { to, type: "chat" }, xml("body", {}, "hi")),
    );

    const message = await received;
    expect(message.attrs.to).toBe(to);
    expect(message.attrs.from).toMatch(new RegExp(`^alice@${env.xmppDomain}/`));
    expect(message.getChildText("body")).toBe("hi");
  });
});
