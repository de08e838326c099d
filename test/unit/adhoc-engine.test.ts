import xml, { type Element } from "@xmpp/xml";

import { AdhocCommands } from "../../component/adhoc/engine";
import { FLOWS } from "../../component/adhoc/flows/index";
import type { AnswerDeps } from "../../component/answer";
import { openDemoBackend } from "../../component/backend/demo/demo-backend";
import {
  NS_COMMANDS,
  NS_DATA_FORMS,
} from "../../component/protocol/namespaces";
import { PayloadValidator } from "../../component/validation";
import { IqRouter } from "../../component/xmpp-services/iq-router";
import { readCommandReply } from "../support/iq-stanzas";
import {
  capturingLogger,
  FakeAdhocSessions,
  FakeSessions,
  fakeThrottle,
} from "./fakes";

const ALICE = "alice@localhost/phone";
const validator = new PayloadValidator();

function setUp() {
  const backend = openDemoBackend({ path: ":memory:" });
  const store = new FakeAdhocSessions();
  const deps: AnswerDeps = {
    backend,
    sessions: new FakeSessions().asStore(),
    loginThrottle: fakeThrottle(),
    validator,
    maxPayloadBytes: 4096,
  };
  const adhoc = new AdhocCommands(deps, store, FLOWS);
  const router = new IqRouter("it").serve(adhoc.service());
  const logger = capturingLogger();

  const step = async (
    node: string,
    action?: string,
    sessionId?: string,
    fields: Record<string, string> = {},
  ) => {
    const form = Object.keys(fields).length
      ? xml(
          "x",
          { xmlns: NS_DATA_FORMS, type: "submit" },
          ...Object.entries(fields).map(([name, value]) =>
            xml("field", { var: name }, xml("value", {}, value)),
          ),
        )
      : undefined;
    const iq = xml(
      "iq",
      {
        type: "set",
        id: "c1",
        from: ALICE,
        to: "buddy_channel@telco.localhost",
      },
      xml(
        "command",
        { xmlns: NS_COMMANDS, node, action, sessionid: sessionId },
        form,
      ),
    );
    const reply: Element = await router.answer(iq, logger.log);
    return reply.attrs.type === "error"
      ? { error: reply }
      : readCommandReply(reply);
  };

  return { backend, store, adhoc, step, logger };
}

const view = (reply: unknown) => reply as ReturnType<typeof readCommandReply>;

describe("AdhocCommands", () => {
  it("lists every flow under its node, named in the language asked", () => {
    const { adhoc } = setUp();
    expect(adhoc.commands("en").find((c) => c.node === "recharge")?.name).toBe(
      "Top up",
    );
    expect(adhoc.commands("it")).toHaveLength(12);
  });

  it("never stores the login form's password, whatever happens", async () => {
    const { step, store } = setUp();
    const form = view(await step("login"));

    await step("login", "complete", form.sessionId, { username: "3304578577" });
    expect(JSON.stringify([...store.sessions.values()])).not.toContain(
      "3304578577",
    );

    const done = view(
      await step("login", "complete", form.sessionId, {
        username: "3304578577",
        password: "mycoolpassword",
      }),
    );
    expect(done.status).toBe("completed");
    expect(store.sessions.size).toBe(0);
  });

  it("keeps the answers of a recharge between steps, and forgets them at the end", async () => {
    const { step, store } = setUp();
    const login = view(await step("login"));
    await step("login", "complete", login.sessionId, {
      username: "3304578577",
      password: "mycoolpassword",
    });

    const line = view(await step("recharge"));
    await step("recharge", "next", line.sessionId, { line: "3404589485" });
    await step("recharge", "next", line.sessionId, { amount: "20" });
    expect([...store.sessions.values()]).toEqual([
      {
        node: "recharge",
        stage: 2,
        values: { line: "3404589485", amount: "20" },
      },
    ]);

    await step("recharge", "next", line.sessionId, {
      payment: "5595348332484239",
    });
    const done = view(await step("recharge", "execute", line.sessionId));
    expect(done.status).toBe("completed");
    expect(store.sessions.size).toBe(0);
  });

  it("charges once when the same confirmation is sent twice by two instances", async () => {
    const { step, backend, store } = setUp();
    const login = view(await step("login"));
    await step("login", "complete", login.sessionId, {
      username: "3304578577",
      password: "mycoolpassword",
    });
    const line = view(await step("recharge"));
    await step("recharge", "next", line.sessionId, { line: "3404589485" });
    await step("recharge", "next", line.sessionId, { amount: "5" });
    await step("recharge", "next", line.sessionId, {
      payment: "4234829343294392",
    });
    const saved = [...store.sessions.entries()][0];

    const first = view(await step("recharge", "complete", line.sessionId));
    store.sessions.set(saved[0], saved[1]); // the other instance still saw the session
    const second = view(await step("recharge", "complete", line.sessionId));

    expect(second.fields.transactionId.values).toEqual(
      first.fields.transactionId.values,
    );
    expect((await backend.credit("3404589485")).creditAmount).toBe("15.00");
  });

  it("ends with the failure's reason when a telco action fails", async () => {
    const { step, backend } = setUp();
    backend.credit = async () => {
      throw new Error("backend down");
    };
    const login = view(await step("login"));
    await step("login", "complete", login.sessionId, {
      username: "3304578577",
      password: "mycoolpassword",
    });

    const line = view(await step("credit"));
    const done = view(
      await step("credit", "complete", line.sessionId, { line: "3404589485" }),
    );
    expect(done).toMatchObject({
      status: "completed",
      note: { type: "error", text: "Errore interno: riprova più tardi." },
    });
  });

  it("refuses an action it does not know with malformed-action", async () => {
    const { step } = setUp();
    const reply = await step("login", "explode");
    expect(
      (reply as { error: Element }).error
        .getChild("error")
        ?.getChild("malformed-action", NS_COMMANDS),
    ).toBeDefined();
  });
});
