// The text interface through a real Prosody: typed messages answered in plain
// text (no oob element), the spec's chat_text answered in its envelope, and
// what is not typed by a person (chat states, receipts, group chat) ignored.
import xml, { type Element } from "@xmpp/xml";

import { hashMsisdn } from "../../component/privacy/msisdn";
import { NS_OOB } from "../../component/protocol/namespaces";
import { testEnv } from "../support/env";
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";
import { forgetLogins } from "../support/sessions";
import { readReply, telcoRequest, uniqueId } from "../support/stanzas";
import { TestClient } from "../support/test-client";

let component: RunningComponent;
let alice: TestClient;
let bob: TestClient;
let bot: string;

beforeAll(async () => {
  bot = `buddy_channel@${testEnv().componentDomain}`;
  component = await startComponent();
  alice = await TestClient.connect("alice", "alice-pass", "chat");
  bob = await TestClient.connect("bob", "bob-pass", "chat");
  await forgetLogins(alice, bob);
});

afterAll(async () => {
  await alice?.stop();
  await bob?.stop();
  await component?.stop();
});

const fromBot = (thread: string) => (el: Element) =>
  el.is("message") &&
  el.attrs.from === bot &&
  el.getChildText("thread") === thread;

/** Types a line to the bot and waits for the answer, matched by its thread. */
async function say(client: TestClient, text: string, thread = uniqueId("t")) {
  await client.send(
    xml(
      "message",
      { to: bot, type: "chat", id: uniqueId() },
      xml("body", {}, text),
      xml("thread", {}, thread),
    ),
  );
  const reply = await client.waitFor(fromBot(thread));
  return { stanza: reply, body: reply.getChildText("body") ?? "" };
}

describe("typed messages, before logging in", () => {
  it("answers help with the list of what can be typed, in plain text", async () => {
    const reply = await say(bob, "aiuto");

    expect(reply.body).toContain("credito [linea]");
    expect(reply.body).toContain("ricariche");
    expect(reply.stanza.getChild("x", NS_OOB)).toBeUndefined();
    expect(reply.stanza.attrs).toMatchObject({ type: "chat", to: bob.jid });
  });

  it("tells how to log in, and never asks for a password in the chat", async () => {
    const reply = await say(bob, "credito");

    expect(reply.body).toContain("Accedi");
    expect(reply.body).toContain("/cmd exec login");
    expect(reply.body).toMatch(/password non si scrive mai in chat/);
  });

  it("names back a word it does not know", async () => {
    expect((await say(bob, "Teletrasporto!")).body).toContain(
      "«Teletrasporto!»",
    );
  });
});

describe("typed messages, once logged in", () => {
  beforeAll(async () => {
    const login = await alice.request(
      telcoRequest(bot, "cmd_login", {
        username: "3304578577",
        password: "mycoolpassword",
      }),
    );
    expect(readReply(login).payload.status).toBe(200);
  });

  it("answers the credit of one line, named by its place in the list", async () => {
    expect((await say(alice, "credito 1")).body).toBe(
      "Credito residuo: 10,00 EUR",
    );
  });

  it("answers the credit of every line when none is named", async () => {
    const { body } = await say(alice, "Credit");

    expect(body.split("\n")).toEqual([
      "Credito residuo:",
      "3404589485: 10,00 EUR",
      "3407834889: 4,50 EUR",
      "3304578577: 25,30 EUR",
    ]);
  });

  it("lists the lines, numbered", async () => {
    expect((await say(alice, "linee")).body).toBe(
      "Le tue linee:\n1. 3404589485\n2. 3407834889\n3. 3304578577",
    );
  });

  it("asks which line for a dashboard, then shows it", async () => {
    const question = await say(alice, "riepilogo");
    const dashboard = await say(alice, "riepilogo 3404589485");

    expect(question.body).toMatch(/^Quale linea\?/);
    expect(dashboard.body).toContain("Linea 3404589485");
    expect(dashboard.body).toContain("Credito residuo: 10,00 EUR");
    expect(dashboard.body).toMatch(/Opzioni: /);
  });

  it("answers options and recent recharges", async () => {
    expect((await say(alice, "opzioni 1")).body).toMatch(
      /^(Opzioni: |Nessuna opzione)/,
    );
    expect((await say(alice, "ricariche")).body).toMatch(
      /^(\d+ ricariche?:|Nessuna ricarica)/,
    );
  });

  it("refuses a line that is not the customer's, without telling anything about it", async () => {
    expect((await say(alice, "credito 3209876543")).body).toContain(
      "non è una delle tue linee",
    );
  });

  it("hashes an MSISDN sent as the thread", async () => {
    await alice.send(
      xml(
        "message",
        { to: bot, type: "chat" },
        xml("body", {}, "aiuto"),
        xml("thread", {}, "3211234567"),
      ),
    );
    const reply = await alice.waitFor(fromBot(hashMsisdn("3211234567")));
    expect(reply.getChildText("body")).toContain("credito");
  });
});

describe("what is not typed by a person", () => {
  it("ignores chat states, receipts, group chat and headlines", async () => {
    const ignored = uniqueId("ignored");
    const stanzas = [
      xml(
        "message",
        { to: bot, type: "chat" },
        xml("composing", { xmlns: "http://jabber.org/protocol/chatstates" }),
        xml("thread", {}, ignored),
      ),
      xml(
        "message",
        { to: bot, type: "chat" },
        xml("received", { xmlns: "urn:xmpp:receipts", id: "x" }),
        xml("thread", {}, ignored),
      ),
      xml(
        "message",
        { to: bot, type: "groupchat" },
        xml("body", {}, "aiuto"),
        xml("thread", {}, ignored),
      ),
      xml(
        "message",
        { to: bot, type: "headline" },
        xml("body", {}, "aiuto"),
        xml("thread", {}, ignored),
      ),
    ];
    for (const stanza of stanzas) await alice.send(stanza);

    // Answered in order: once the probe is back, the others were seen.
    await say(alice, "aiuto");
    expect(alice.receivedMatching(fromBot(ignored))).toHaveLength(0);
  });
});

describe("the spec's chat_text message", () => {
  const chatText = (text: unknown, thread?: string) =>
    xml(
      "message",
      { to: bot, type: "chat", id: uniqueId("chat-text") },
      xml("body"),
      xml(
        "x",
        { xmlns: NS_OOB },
        xml("type", {}, "chat_text"),
        xml("action", {}, "chat_text"),
        xml(
          "payload",
          {},
          JSON.stringify({
            text,
            data: {
              paymentMethod: "Post",
              resetSession: false,
              token:
                "S4SH03dYinKTZKGkhh+qQ0EHP3zvBkG3KbrPbddfuDCLXlI3IEFg93klbjybj3OtCv8hbjDEsGKwcBcZK2/yyh+XarnYflC6zq0nujOCjYA=",
              useChatDynamic: true,
            },
          }),
        ),
      ),
      thread === undefined ? undefined : xml("thread", {}, thread),
    );

  it("answers in the chat_text envelope, the text in both payload and body, the MSISDN thread hashed", async () => {
    const reply = await alice.request(chatText("credito 1", "3211234567"));
    const view = readReply(reply);

    expect(view).toMatchObject({
      type: "chat_text",
      action: "chat_text",
      thread: hashMsisdn("3211234567"),
    });
    expect(view.payload).toEqual({
      error: false,
      reason: "",
      status: 200,
      text: "Credito residuo: 10,00 EUR",
    });
    expect(reply.getChildText("body")).toBe("Credito residuo: 10,00 EUR");
  });

  it('answers a greeting with the help, as the spec\'s "Ciao Will"', async () => {
    const reply = await alice.request(chatText("Ciao Will"));
    expect(readReply(reply).payload.text).toMatch(/^Puoi scrivere:/);
  });

  it("answers a payload without text with 400 naming the field", async () => {
    const reply = await alice.request(chatText(undefined));

    expect(readReply(reply).payload).toMatchObject({
      error: true,
      status: 400,
      reason: expect.stringContaining("text"),
    });
    expect(reply.getChildText("body")).toMatch(
      /^Richiesta non valida: field text/,
    );
  });

  it("keeps the app's token out of the log", () => {
    expect(component.logText()).not.toContain("S4SH03dY");
  });
});
