// The component as any XMPP client meets it, through a real Prosody: service
// discovery, ping, software version, presence, stanza errors for what it does
// not serve, readable bodies on oob replies, and the keepalive answered.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import xml, { type Element } from "@xmpp/xml";

import { pseudonym } from "../../component/privacy/msisdn";
import {
  NS_COMMANDS,
  NS_DATA_FORMS,
  NS_DISCO_INFO,
  NS_DISCO_ITEMS,
  NS_OOB,
  NS_PING,
  NS_VERSION,
} from "../../component/protocol/namespaces";
import { testEnv } from "../support/env";
import { errorOf, iqRequest, query } from "../support/iq-stanzas";
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";
import { readReply, specExample, telcoRequest } from "../support/stanzas";
import { TestClient } from "../support/test-client";

const SERVICE_NAME = "Assistenza Telco";
let component: RunningComponent;
let alice: TestClient;
let domain: string;
let bot: string;

beforeAll(async () => {
  domain = testEnv().componentDomain;
  bot = `buddy_channel@${domain}`;
  component = await startComponent({
    SERVICE_NAME,
    KEEPALIVE_INTERVAL_MS: "1000",
  });
  alice = await TestClient.connect("alice", "alice-pass", "citizen");
});

afterAll(async () => {
  await alice?.stop();
  await component?.stop();
});

const identities = (iq: Element) =>
  iq
    .getChild("query", NS_DISCO_INFO)!
    .getChildren("identity")
    .map(({ attrs }) => ({
      category: attrs.category,
      type: attrs.type,
      name: attrs.name,
    }));

const features = (iq: Element) =>
  iq
    .getChild("query", NS_DISCO_INFO)!
    .getChildren("feature")
    .map((feature) => feature.attrs.var);

const items = (iq: Element) =>
  iq
    .getChild("query", NS_DISCO_ITEMS)!
    .getChildren("item")
    .map(({ attrs }) => ({
      jid: attrs.jid,
      node: attrs.node,
      name: attrs.name,
    }));

describe("service discovery (XEP-0030)", () => {
  it("names the domain a component, with the configured name and every feature it serves", async () => {
    const reply = await alice.iq(
      iqRequest(domain, "get", query(NS_DISCO_INFO)),
    );

    expect(reply.attrs.type).toBe("result");
    expect(identities(reply)).toEqual([
      { category: "component", type: "generic", name: SERVICE_NAME },
    ]);
    expect(features(reply)).toEqual(
      expect.arrayContaining([
        NS_DISCO_INFO,
        NS_DISCO_ITEMS,
        NS_PING,
        NS_VERSION,
        NS_COMMANDS,
        NS_DATA_FORMS,
        NS_OOB,
      ]),
    );
  });

  it("names the bot address a bot, with the same features", async () => {
    const reply = await alice.iq(iqRequest(bot, "get", query(NS_DISCO_INFO)));

    expect(identities(reply)).toEqual([
      { category: "client", type: "bot", name: SERVICE_NAME },
    ]);
    expect(features(reply)).toContain(NS_COMMANDS);
  });

  it("lists the bot address and the commands on the domain", async () => {
    const reply = await alice.iq(
      iqRequest(domain, "get", query(NS_DISCO_ITEMS)),
    );

    expect(items(reply)).toEqual([
      { jid: bot, node: undefined, name: SERVICE_NAME },
      { jid: domain, node: NS_COMMANDS, name: "Comandi" },
    ]);
  });

  it("lists every telco command under the commands node", async () => {
    const listed = items(
      await alice.iq(iqRequest(bot, "get", query(NS_DISCO_ITEMS, NS_COMMANDS))),
    );

    expect(listed.map((item) => item.node)).toEqual(
      expect.arrayContaining([
        "login",
        "dashboard",
        "credit",
        "recharge",
        "last-recharges",
      ]),
    );
    expect(listed).toHaveLength(12);
    expect(listed.every((item) => item.jid === bot)).toBe(true);
    expect(listed.find((item) => item.node === "login")?.name).toBe("Accedi");
  });

  it("describes one command node, and refuses a node that does not exist", async () => {
    const known = await alice.iq(
      iqRequest(bot, "get", query(NS_DISCO_INFO, "recharge")),
    );
    const unknown = await alice.iq(
      iqRequest(bot, "get", query(NS_DISCO_INFO, "teleport")),
    );

    expect(identities(known)).toEqual([
      { category: "automation", type: "command-node", name: "Ricarica" },
    ]);
    expect(features(known)).toEqual([NS_COMMANDS, NS_DATA_FORMS]);
    expect(errorOf(unknown)).toMatchObject({
      type: "cancel",
      condition: "item-not-found",
    });
  });
});

describe("ping (XEP-0199) and software version (XEP-0092)", () => {
  it("answers a ping with an empty result", async () => {
    const reply = await alice.iq(
      iqRequest(bot, "get", xml("ping", { xmlns: NS_PING })),
    );

    expect(reply.attrs).toMatchObject({ type: "result", from: bot });
    expect(reply.getChildElements()).toHaveLength(0);
  });

  it("tells its name and the version in package.json", async () => {
    const pkg = JSON.parse(
      readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"),
    );
    const reply = await alice.iq(iqRequest(domain, "get", query(NS_VERSION)));
    const version = reply.getChild("query", NS_VERSION)!;

    expect(version.getChildText("name")).toBe(pkg.name);
    expect(version.getChildText("version")).toBe(pkg.version);
    expect(version.getChild("os")).toBeUndefined();
  });

  it("answers its own keepalive pings through the server", async () => {
    const ownPings = () =>
      component.logLines.filter(
        (line) =>
          line.msg === "IQ answered" &&
          line.ns === NS_PING &&
          line.sender === pseudonym(domain),
      );
    for (
      let waited = 0;
      ownPings().length < 2 && waited < 10_000;
      waited += 250
    )
      await new Promise((done) => setTimeout(done, 250));

    expect(ownPings().length).toBeGreaterThanOrEqual(2);
    expect(component.logText()).not.toMatch(/did not answer a keepalive/);
    expect(component.app.connection.online).toBe(true);
  });
});

describe("what it does not serve", () => {
  it("answers an IQ of an unknown namespace with service-unavailable", async () => {
    const reply = await alice.iq(
      iqRequest(bot, "get", xml("query", { xmlns: "jabber:iq:last" })),
    );

    expect(reply.attrs.type).toBe("error");
    expect(errorOf(reply)).toMatchObject({
      type: "cancel",
      condition: "service-unavailable",
    });
  });

  it("answers a request type it does not serve with feature-not-implemented", async () => {
    const reply = await alice.iq(
      iqRequest(bot, "set", xml("ping", { xmlns: NS_PING })),
    );
    expect(errorOf(reply).condition).toBe("feature-not-implemented");
  });

  it("answers an IQ with two children with bad-request", async () => {
    const reply = await alice.iq(
      iqRequest(bot, "get", xml("ping", { xmlns: NS_PING }), query(NS_VERSION)),
    );
    expect(errorOf(reply)).toMatchObject({
      type: "modify",
      condition: "bad-request",
    });
  });
});

describe("presence", () => {
  it("accepts a subscription at once and shows the bot online", async () => {
    await alice.send(xml("presence")); // available: presences now reach alice
    await alice.send(xml("presence", { to: bot, type: "subscribe" }));

    const online = await alice.waitFor(
      (el) => el.is("presence") && el.attrs.from === bot && !el.attrs.type,
    );
    const roster = await alice.iq(
      iqRequest(alice.jid.split("/")[0], "get", query("jabber:iq:roster")),
    );
    const entry = roster
      .getChild("query", "jabber:iq:roster")
      ?.getChildren("item")
      .find((item) => item.attrs.jid === bot);

    expect(online.getChildText("status")).toBe(SERVICE_NAME);
    expect(entry?.attrs.subscription).toBe("to");
  });
});

describe("readable replies", () => {
  beforeAll(async () => {
    const login = await alice.request(specExample("cmd_login", "request", bot));
    expect(readReply(login).payload.status).toBe(200);
  });

  it("puts a short Italian sentence in the <body> of an oob reply, the payload unchanged", async () => {
    const reply = await alice.request(
      specExample("cmd_credit", "request", bot),
    );

    expect(reply.getChildText("body")).toBe("Credito residuo: 10,00 EUR");
    expect(readReply(reply).payload).toEqual({
      error: false,
      reason: "",
      status: 200,
      creditAmount: "10.00",
    });
  });

  it("tells a failure in words in the body, the reason staying in the payload", async () => {
    const reply = await alice.request(
      telcoRequest(bot, "cmd_credit", { msisdn: "3209876543" }),
    );

    expect(readReply(reply).payload.status).toBe(403);
    expect(reply.getChildText("body")).toBe(
      "Il dato richiesto non appartiene al tuo account.",
    );
  });
});
