import xml from "@xmpp/xml";

import type { AnswerDeps } from "../../component/answer";
import { openDemoBackend } from "../../component/backend/demo/demo-backend";
import { parseText, resolveLine } from "../../component/chat/chat-commands";
import { ChatInterface } from "../../component/chat/chat-interface";
import { textReply, typedText } from "../../component/chat/chat-message";
import { hashMsisdn } from "../../component/privacy/msisdn";
import { PayloadValidator } from "../../component/validation";
import { capturingLogger, FakeSessions, fakeThrottle } from "./fakes";

const validator = new PayloadValidator();

describe("parseText", () => {
  it.each([
    ["credito", "credit"],
    ["Credit", "credit"],
    ["/CREDITO!", "credit"],
    ["riepilogo", "dashboard"],
    ["Linee?", "lines"],
    ["ricariche", "recharges"],
    ["opzioni", "options"],
    ["Ciao Will", "help"],
    ["?", "help"],
  ])("reads %j as %s", (text, command) => {
    expect(parseText(text).command).toBe(command);
  });

  it("keeps the word as typed and what follows it", () => {
    expect(parseText("  Credito   2. ")).toEqual({
      command: "credit",
      word: "Credito",
      argument: "2",
    });
    expect(parseText("teleport now").command).toBeUndefined();
  });
});

describe("resolveLine", () => {
  const lines = ["3404589485", "3407834889"];

  it("takes a line by number or by place, and nothing else", () => {
    expect(resolveLine("3407834889", lines)).toBe("3407834889");
    expect(resolveLine("1", lines)).toBe("3404589485");
    expect(resolveLine("3", lines)).toBeUndefined();
    expect(resolveLine("3209876543", lines)).toBeUndefined();
  });
});

describe("typedText", () => {
  const message = (
    type: string | undefined,
    ...children: ReturnType<typeof xml>[]
  ) =>
    xml(
      "message",
      { type, from: "alice@localhost/x", to: "bot@telco.localhost" },
      ...children,
    );

  it("reads the body of a chat or normal message", () => {
    expect(typedText(message("chat", xml("body", {}, " credito ")))).toBe(
      "credito",
    );
    expect(typedText(message(undefined, xml("body", {}, "aiuto")))).toBe(
      "aiuto",
    );
  });

  it("ignores messages without a body and group chats and headlines", () => {
    expect(
      typedText(
        message(
          "chat",
          xml("active", { xmlns: "http://jabber.org/protocol/chatstates" }),
        ),
      ),
    ).toBeUndefined();
    expect(typedText(message("chat", xml("body", {}, "  ")))).toBeUndefined();
    expect(
      typedText(message("groupchat", xml("body", {}, "aiuto"))),
    ).toBeUndefined();
    expect(
      typedText(message("headline", xml("body", {}, "aiuto"))),
    ).toBeUndefined();
  });
});

describe("textReply", () => {
  it("answers in plain text from the address written to, the MSISDN thread hashed", () => {
    const request = xml(
      "message",
      {
        type: "chat",
        from: "alice@localhost/x",
        to: "bot@telco.localhost",
        id: "m1",
      },
      xml("body", {}, "aiuto"),
      xml("thread", {}, "3211234567"),
    );
    const reply = textReply(request, "Ciao");

    expect(reply.attrs).toMatchObject({
      type: "chat",
      from: "bot@telco.localhost",
      to: "alice@localhost/x",
    });
    expect(reply.attrs.id).not.toBe("m1");
    expect(reply.getChildText("body")).toBe("Ciao");
    expect(reply.getChildText("thread")).toBe(hashMsisdn("3211234567"));
    expect(reply.getChildElements().map((el) => el.name)).toEqual([
      "body",
      "thread",
    ]);
  });
});

describe("ChatInterface", () => {
  const ALICE = "alice@localhost";

  function setUp() {
    const backend = openDemoBackend({ path: ":memory:" });
    const sessions = new FakeSessions();
    const deps: AnswerDeps = {
      backend,
      sessions: sessions.asStore(),
      loginThrottle: fakeThrottle(),
      validator,
      maxPayloadBytes: 4096,
    };
    const chat = new ChatInterface(deps);
    const ctx = {
      sender: ALICE,
      stanzaId: "m1",
      lang: "it" as const,
      log: capturingLogger().log,
    };
    return {
      backend,
      sessions,
      chat,
      say: (text: string) => chat.answer(text, ctx),
    };
  }

  async function loggedIn() {
    const setup = setUp();
    const account = await setup.backend.login("3304578577", "mycoolpassword");
    await setup.sessions.open(ALICE, account!);
    return setup;
  }

  it("answers help to anyone, and tells a stranger how to log in", async () => {
    const { say } = setUp();

    expect((await say("aiuto")).text).toMatch(/^Puoi scrivere:/);
    expect((await say("credito")).text).toContain("Accedi");
  });

  it("runs the credit through the command modules, once per line", async () => {
    const { say, backend } = await loggedIn();
    const answer = await say("credito");

    expect(answer.command).toBe("credit");
    expect(answer.text.split("\n")).toHaveLength(4);
    expect(backend.calls.credit).toBe(3);
  });

  it("reports what was understood, never the text itself", async () => {
    const { say } = setUp();
    expect((await say("my password is hunter2")).command).toBe("unknown");
  });
});
