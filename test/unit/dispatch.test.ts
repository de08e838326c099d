import xml, { type Element } from "@xmpp/xml";

import type { AnswerDeps } from "../../component/answer";
import { openDemoBackend } from "../../component/backend/demo/demo-backend";
import type { TelcoBackend } from "../../component/backend/telco-backend";
import { Dispatcher } from "../../component/dispatch";
import { NS_OOB, NS_PING } from "../../component/protocol/namespaces";
import { createStanzaServices } from "../../component/stanza-services";
import type { Language } from "../../component/text/language";
import { PayloadValidator } from "../../component/validation";
import { readReply, telcoRequest } from "../support/stanzas";
import {
  capturingLogger,
  FakeAdhocSessions,
  FakeSessions,
  fakeThrottle,
} from "./fakes";

const BOT = "buddy_channel@telco.localhost";
const ALICE = "alice@localhost/phone";
const validator = new PayloadValidator();

function setUp(
  backend: TelcoBackend = openDemoBackend({ path: ":memory:" }),
  language: Language = "it",
) {
  const sent: Element[] = [];
  const logger = capturingLogger();
  const deps: AnswerDeps = {
    backend,
    sessions: new FakeSessions().asStore(),
    loginThrottle: fakeThrottle(),
    validator,
    maxPayloadBytes: 4096,
  };
  const dispatcher = new Dispatcher(
    deps,
    async (stanza) => void sent.push(stanza),
    logger.log,
    createStanzaServices(deps, {
      identity: {
        domain: "telco.localhost",
        name: "Telco",
        botLocalpart: "buddy_channel",
      },
      language,
      adhocSessions: new FakeAdhocSessions(),
      software: { name: "xmpp-telco-component", version: "0.0.0" },
    }),
  );

  const ask = async (
    action: string,
    payload: unknown,
    extra?: (el: Element) => void,
  ) => {
    const request = telcoRequest(BOT, action, payload);
    request.attrs.from = ALICE;
    extra?.(request);
    dispatcher.dispatch(request);
    await dispatcher.idle();
    return sent.find((el) => el.attrs.id === request.attrs.id);
  };

  return { dispatcher, sent, ask, logger };
}

const login = { username: "3304578577", password: "mycoolpassword" };

describe("Dispatcher", () => {
  it("answers a login to the sender, from the address it was sent to, with the customer's lines", async () => {
    const { ask } = setUp();
    const reply = (await ask("cmd_login", login))!;

    expect(reply.attrs).toMatchObject({ to: ALICE, from: BOT, type: "chat" });
    expect(readReply(reply).payload).toMatchObject({
      error: false,
      status: 200,
      lines: expect.arrayContaining(["3404589485"]),
    });
  });

  it("asks for a login before anything else, with 401", async () => {
    const { ask } = setUp();
    expect(
      readReply((await ask("cmd_credit", { msisdn: "3404589485" }))!).payload
        .status,
    ).toBe(401);
  });

  it("answers the credit of an own line once logged in", async () => {
    const { ask } = setUp();
    await ask("cmd_login", login);

    const reply = readReply(
      (await ask("cmd_credit", { msisdn: "3404589485" }))!,
    );
    expect(reply.payload).toMatchObject({
      status: 200,
      creditAmount: expect.stringMatching(/^\d+\.\d\d$/),
    });
  });

  it("names the alternatives when a payment method has neither code nor card", async () => {
    const { ask } = setUp();
    await ask("cmd_login", login);

    const payload = {
      customerCode: "1294941",
      contractCode: "BX19HY",
      msisdn: "3407834889",
      label: "x",
      value: "1",
      paymentMethod: { type: "card" },
    };
    const reply = readReply((await ask("cmd_auto_recharge", payload))!);
    expect(reply.payload).toMatchObject({
      status: 400,
      reason: "Bad request: field paymentMethod needs one of: code, cardInfo",
    });
  });

  it("ignores stanzas of type error and messages with neither a telco element nor a body", async () => {
    const { dispatcher, sent } = setUp();
    const errored = telcoRequest(BOT, "cmd_login", login);
    errored.attrs.type = "error";

    dispatcher.dispatch(errored);
    dispatcher.dispatch(
      xml(
        "message",
        { from: ALICE, to: BOT, type: "chat" },
        xml("composing", { xmlns: "http://jabber.org/protocol/chatstates" }),
      ),
    );
    await dispatcher.idle();

    expect(sent).toHaveLength(0);
  });

  it("answers 500 without internals when the backend throws, and logs the fault at error", async () => {
    const backend = openDemoBackend({ path: ":memory:" });
    backend.credit = async () => {
      throw new Error("disk on fire at /var/lib/telco");
    };
    const { ask, logger } = setUp(backend);
    await ask("cmd_login", login);

    const reply = readReply(
      (await ask("cmd_credit", { msisdn: "3404589485" }))!,
    );
    expect(reply.payload).toEqual({
      error: true,
      reason: "Internal server error",
      status: 500,
    });
    expect(
      logger.lines.some(
        (line) => line.level === 50 && /internal fault/.test(String(line.msg)),
      ),
    ).toBe(true);
  });

  it("answers a dashboard in part when one section fails, naming it", async () => {
    const backend = openDemoBackend({ path: ":memory:" });
    backend.activePromotions = async () => {
      throw new Error("promotions service down");
    };
    const { ask } = setUp(backend);
    await ask("cmd_login", login);

    const reply = readReply(
      (await ask("cmd_dashboard", { msisdn: "3404589485" }))!,
    );
    expect(reply.payload).toMatchObject({
      error: true,
      status: 500,
      reason: expect.stringContaining("activePromotions"),
    });
    expect(reply.payload).toHaveProperty("credit");
    expect(reply.payload).not.toHaveProperty("activePromotions");
  });

  it("answers 503 to requests that arrive while it stops", async () => {
    const { dispatcher, ask } = setUp();
    await dispatcher.drain(10);

    expect(readReply((await ask("cmd_login", login))!).payload.status).toBe(
      503,
    );
  });

  it("never writes a password or an MSISDN to the log", async () => {
    const { ask, logger } = setUp();
    await ask("cmd_login", login);
    await ask("cmd_login", {
      username: "3304578577",
      password: "wrong-password",
    });
    await ask("cmd_line_info", { msisdn: "3404589485" });

    expect(logger.text()).not.toMatch(
      /mycoolpassword|wrong-password|3304578577|3404589485/,
    );
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it("writes the reply's body in REPLY_LANGUAGE, the payload the same in any language", async () => {
    const italian = setUp();
    const english = setUp(undefined, "en");
    await italian.ask("cmd_login", login);
    await english.ask("cmd_login", login);

    const it = (await italian.ask("cmd_credit", { msisdn: "3404589485" }))!;
    const en = (await english.ask("cmd_credit", { msisdn: "3404589485" }))!;
    expect(it.getChildText("body")).toBe("Credito residuo: 10,00 EUR");
    expect(en.getChildText("body")).toBe("Remaining credit: 10.00 EUR");
    expect(readReply(en).payload).toEqual(readReply(it).payload);
  });

  it("answers a typed message in plain text, and an IQ with a result, but never an IQ result", async () => {
    const { dispatcher, sent } = setUp();
    dispatcher.dispatch(
      xml(
        "message",
        { from: ALICE, to: BOT, type: "chat" },
        xml("body", {}, "aiuto"),
      ),
    );
    dispatcher.dispatch(
      xml(
        "iq",
        { from: ALICE, to: BOT, type: "get", id: "p1" },
        xml("ping", { xmlns: NS_PING }),
      ),
    );
    dispatcher.dispatch(
      xml("iq", { from: ALICE, to: BOT, type: "result", id: "p2" }),
    );
    await dispatcher.idle();

    const [text, pong] = sent;
    expect(sent).toHaveLength(2);
    expect(text.getChild("x", NS_OOB)).toBeUndefined();
    expect(text.getChildText("body")).toMatch(/^Puoi scrivere:/);
    expect(pong.attrs).toMatchObject({ type: "result", id: "p1", to: ALICE });
  });

  it("asks an IQ to wait, and a typed message to retry, while it stops", async () => {
    const { dispatcher, sent } = setUp();
    await dispatcher.drain(10);

    dispatcher.dispatch(
      xml(
        "iq",
        { from: ALICE, to: BOT, type: "get", id: "p1" },
        xml("ping", { xmlns: NS_PING }),
      ),
    );
    dispatcher.dispatch(
      xml(
        "message",
        { from: ALICE, to: BOT, type: "chat" },
        xml("body", {}, "credito"),
      ),
    );
    await dispatcher.idle();

    expect(sent[0].getChild("error")?.attrs.type).toBe("wait");
    expect(sent[1].getChildText("body")).toBe(
      "Servizio in riavvio: riprova fra qualche istante.",
    );
  });
});
