// Ad-hoc commands (XEP-0050) with data forms (XEP-0004) through a real
// Prosody, as Gajim or Profanity would run them: login, dashboard, a
// multi-step recharge with prev, cancel and a wrong answer, an expired
// session, and a flow that goes on through another component instance.

import { testEnv } from "../support/env";
import {
  commandIq,
  errorOf,
  readCommandReply,
  type CommandStep,
} from "../support/iq-stanzas";
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";
import { redisEntries } from "../support/redis";
import { forgetLogins } from "../support/sessions";
import { readReply, telcoRequest } from "../support/stanzas";
import { TestClient } from "../support/test-client";

let component: RunningComponent;
let alice: TestClient;
let bob: TestClient;
let bot: string;

beforeAll(async () => {
  bot = `buddy_channel@${testEnv().componentDomain}`;
  component = await startComponent();
  alice = await TestClient.connect("alice", "alice-pass", "adhoc");
  bob = await TestClient.connect("bob", "bob-pass", "adhoc");
  await forgetLogins(alice, bob);
});

afterAll(async () => {
  await alice?.stop();
  await bob?.stop();
  await component?.stop();
});

async function run(client: TestClient, node: string, step: CommandStep = {}) {
  const iq = await client.iq(commandIq(bot, node, step));
  if (iq.attrs.type === "error")
    throw new Error(`command refused: ${iq.toString()}`);
  return readCommandReply(iq);
}

async function refusal(client: TestClient, node: string, step: CommandStep) {
  const iq = await client.iq(commandIq(bot, node, step));
  expect(iq.attrs.type).toBe("error");
  return errorOf(iq);
}

async function creditOf(client: TestClient, msisdn: string): Promise<number> {
  const reply = await client.request(
    telcoRequest(bot, "cmd_credit", { msisdn }),
  );
  return Number(readReply(reply).payload.creditAmount);
}

const FRANCESCO = { username: "3304578577", password: "mycoolpassword" };

describe("logging in through the form", () => {
  it("offers a username and a private password field, both required", async () => {
    const form = await run(alice, "login");

    expect(form).toMatchObject({
      status: "executing",
      formType: "form",
      actions: ["complete"],
      defaultAction: "complete",
    });
    expect(form.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(form.fields.username).toMatchObject({
      type: "text-single",
      label: "Nome utente",
      required: true,
    });
    expect(form.fields.password).toMatchObject({
      type: "text-private",
      required: true,
    });
  });

  it("refuses a wrong password with a note, and asks again for a missing field", async () => {
    const first = await run(alice, "login");
    const missing = await run(alice, "login", {
      action: "complete",
      sessionId: first.sessionId,
      fields: { username: "3304578577" },
    });
    const wrong = await run(alice, "login", {
      action: "complete",
      sessionId: first.sessionId,
      fields: { username: "3304578577", password: "not-it" },
    });

    expect(missing).toMatchObject({
      status: "executing",
      note: { type: "error", text: "Il campo «Password» è obbligatorio." },
    });
    expect(wrong).toMatchObject({
      status: "completed",
      note: { type: "error", text: "Nome utente o password errati." },
    });
  });

  it("binds the same session as cmd_login: oob requests then work", async () => {
    const form = await run(alice, "login");
    const done = await run(alice, "login", {
      sessionId: form.sessionId,
      fields: FRANCESCO,
    });

    expect(done.status).toBe("completed");
    expect(done.fields.lines.values).toEqual([
      "3404589485",
      "3407834889",
      "3304578577",
    ]);
    expect(await creditOf(alice, "3404589485")).toBe(10);
  });
});

describe("a dashboard", () => {
  it("asks which of the customer's lines, then answers with a readable form", async () => {
    const choice = await run(alice, "dashboard");
    expect(choice.fields.line).toMatchObject({
      type: "list-single",
      required: true,
      options: ["3404589485", "3407834889", "3304578577"],
      values: ["3404589485"],
    });

    const result = await run(alice, "dashboard", {
      action: "complete",
      sessionId: choice.sessionId,
      fields: { line: "3404589485" },
    });
    expect(result).toMatchObject({ status: "completed", formType: "result" });
    expect(result.fields.credit.values).toEqual(["10,00 EUR"]);
    expect(result.fields.msisdn.values).toEqual(["3404589485"]);
    expect(result.fields.options.type).toBe("text-multi");
  });

  it("answers a list as a table of reported items", async () => {
    const choice = await run(alice, "payment-methods");
    const result = await run(alice, "payment-methods", {
      sessionId: choice.sessionId,
      fields: { contract: "BX19HY" },
    });

    expect(result.rows).toEqual([
      expect.objectContaining({
        card: "**** **** **** 4239",
        owner: "Mario Rossi",
        code: "4234829343294392",
      }),
      expect.objectContaining({
        card: "**** **** **** 4239",
        owner: "Federico Rossi",
      }),
    ]);
  });
});

describe("a recharge in four steps", () => {
  it("walks line, amount, card and confirmation, then charges once", async () => {
    const before = await creditOf(alice, "3407834889");

    const line = await run(alice, "recharge");
    expect(line).toMatchObject({ actions: ["next"], defaultAction: "next" });

    const amount = await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { line: "3407834889" },
    });
    expect(amount.fields.amount.options).toEqual([
      "5",
      "10",
      "15",
      "20",
      "25",
      "30",
      "50",
    ]);
    expect(amount.actions).toEqual(["prev", "next"]);

    const card = await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { amount: "10" },
    });
    expect(card.fields.payment.options).toEqual([
      "4234829343294392",
      "5595348332484239",
    ]);

    const confirm = await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { payment: "4234829343294392" },
    });
    expect(confirm).toMatchObject({
      actions: ["prev", "complete"],
      defaultAction: "complete",
    });

    const done = await run(alice, "recharge", {
      action: "complete",
      sessionId: line.sessionId,
    });
    expect(done.status).toBe("completed");
    expect(done.fields.transactionId.values[0]).toMatch(/^[a-z0-9]{16}$/);
    expect(done.note).toMatchObject({
      type: "info",
      text: expect.stringMatching(/^Ricarica eseguita: 10,00 EUR/),
    });
    expect(await creditOf(alice, "3407834889")).toBeCloseTo(before + 10, 2);
  });

  it("goes back with prev, keeping the answer given", async () => {
    const line = await run(alice, "recharge");
    await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { line: "3304578577" },
    });

    const back = await run(alice, "recharge", {
      action: "prev",
      sessionId: line.sessionId,
    });
    expect(back.fields.line.values).toEqual(["3304578577"]);
    expect(back.actions).toEqual(["next"]);
  });

  it("refuses an amount it did not offer, showing the same step again", async () => {
    const line = await run(alice, "recharge");
    await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { line: "3404589485" },
    });

    const wrong = await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { amount: "7" },
    });
    expect(wrong).toMatchObject({
      status: "executing",
      note: {
        type: "error",
        text: "Scegli per «Importo» uno dei valori proposti.",
      },
    });
    expect(wrong.fields.amount).toBeDefined();
  });

  it("cancels, after which the session is gone", async () => {
    const line = await run(alice, "recharge");
    const canceled = await run(alice, "recharge", {
      action: "cancel",
      sessionId: line.sessionId,
    });
    const after = await refusal(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { line: "3404589485" },
    });

    expect(canceled.status).toBe("canceled");
    expect(after).toEqual({
      type: "cancel",
      condition: "not-allowed",
      application: "session-expired",
    });
  });

  it("refuses an action the step does not allow, and a session id it never issued", async () => {
    const line = await run(alice, "recharge");

    expect(
      await refusal(alice, "recharge", {
        action: "complete",
        sessionId: line.sessionId,
      }),
    ).toMatchObject({
      condition: "bad-request",
      application: "bad-action",
    });
    expect(
      await refusal(alice, "recharge", {
        action: "next",
        sessionId: "not/ours",
      }),
    ).toMatchObject({
      condition: "bad-request",
      application: "bad-sessionid",
    });
    expect(await refusal(alice, "teleport", {})).toMatchObject({
      condition: "item-not-found",
    });
  });
});

describe("privacy", () => {
  it("keeps passwords, card codes and numbers out of the log", () => {
    const log = component.logText();
    for (const secret of [
      "mycoolpassword",
      "not-it",
      "4234829343294392",
      "3407834889",
      "3304578577",
    ])
      expect(log).not.toContain(secret);
  });
});

describe("without a login", () => {
  it("ends a command at once with a note that says to log in first", async () => {
    const reply = await run(bob, "credit");
    expect(reply).toMatchObject({
      status: "completed",
      note: { type: "error", text: expect.stringContaining("«Accedi»") },
    });
  });
});

describe("sessions in Redis", () => {
  it("keeps no JID and no number in the names of ad-hoc session keys", async () => {
    const line = await run(alice, "recharge");
    const keys = (await redisEntries(testEnv().redisUrl, "telco:adhoc:*")).map(
      ([key]) => key,
    );
    await run(alice, "recharge", {
      action: "cancel",
      sessionId: line.sessionId,
    });

    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.endsWith(`:${line.sessionId}`))).toBe(true);
    expect(keys.join(" ")).not.toMatch(/alice|localhost|3407834889/);
  });

  it("go on through another component instance", async () => {
    const line = await run(alice, "recharge");
    await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { line: "3404589485" },
    });

    await component.stop();
    component = await startComponent();

    const card = await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { amount: "5" },
    });
    await run(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { payment: card.fields.payment.options[0] },
    });
    const done = await run(alice, "recharge", {
      action: "complete",
      sessionId: line.sessionId,
    });

    expect(done).toMatchObject({ status: "completed", note: { type: "info" } });
    expect(
      component.logLines.filter(
        (l) => l.msg === "ad-hoc command step answered",
      ),
    ).toHaveLength(3);
  });

  it("expire after ADHOC_TTL_SECONDS without a step", async () => {
    await component.stop();
    component = await startComponent({ ADHOC_TTL_SECONDS: "1" });

    const line = await run(alice, "recharge");
    await new Promise((done) => setTimeout(done, 2500));
    const late = await refusal(alice, "recharge", {
      action: "next",
      sessionId: line.sessionId,
      fields: { line: "3404589485" },
    });

    expect(late).toEqual({
      type: "cancel",
      condition: "not-allowed",
      application: "session-expired",
    });
  });
});
