// Every request example of the spec, sent verbatim by a real client through a
// real XMPP server (Prosody or ejabberd) to the real component, answered with
// a reply that satisfies its response schema; then the failures the protocol
// document promises.
import xml, { type Element } from "@xmpp/xml";

import { ACTIONS } from "../../component/commands/index";
import { hashMsisdn } from "../../component/privacy/msisdn";
import { PayloadValidator } from "../../component/validation";
import { testEnv } from "../support/env";
import { allRedisKeys } from "../support/redis";
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";
import {
  readReply,
  specExample,
  telcoRequest,
  uniqueId,
} from "../support/stanzas";
import { TestClient } from "../support/test-client";

const validator = new PayloadValidator();
let component: RunningComponent;
let alice: TestClient;
let bob: TestClient;
let bot: string;

beforeAll(async () => {
  bot = `buddy_channel@${testEnv().componentDomain}`;
  component = await startComponent();
  alice = await TestClient.connect("alice", "alice-pass");
  bob = await TestClient.connect("bob", "bob-pass");
});

afterAll(async () => {
  await alice?.stop();
  await bob?.stop();
  await component?.stop();
});

async function ask(client: TestClient, stanza: Element) {
  const reply = await client.request(stanza);
  return { stanza: reply, ...readReply(reply) };
}

async function loginAs(client: TestClient, username: string, password: string) {
  return ask(client, telcoRequest(bot, "cmd_login", { username, password }));
}

describe("the spec's request examples, sent verbatim", () => {
  beforeAll(async () => {
    const reply = await ask(alice, specExample("cmd_login", "request", bot));
    expect(reply.payload.status).toBe(200);
  });

  it.each(ACTIONS)(
    "%s gets a success reply that satisfies its response schema",
    async (action) => {
      const request = specExample(action, "request", bot);
      const reply = await ask(alice, request);

      expect(reply.payload).toMatchObject({
        error: false,
        reason: "",
        status: 200,
      });
      expect(reply.action).toBe(action);
      expect(reply.type).toBe("chat_generic");
      expect(() =>
        validator.assertValid(action, "response", reply.payload),
      ).not.toThrow();
    },
  );

  it("answers from the address the request was sent to, to the sender's full JID, with the same id and type", async () => {
    const request = specExample("cmd_credit", "request", bot);
    const reply = await ask(alice, request);

    expect(reply.stanza.attrs).toMatchObject({
      from: bot,
      to: alice.jid,
      id: request.attrs.id,
      type: "chat",
    });
  });

  it("also answers requests sent to the bare component domain", async () => {
    const domain = testEnv().componentDomain;
    const reply = await ask(
      alice,
      specExample("cmd_credit", "request", domain),
    );

    expect(reply.stanza.attrs.from).toBe(domain);
    expect(reply.payload.status).toBe(200);
  });
});

describe("sessions and ownership", () => {
  it("refuses a command before login with 401", async () => {
    const reply = await ask(bob, specExample("cmd_credit", "request", bot));
    expect(reply.payload).toMatchObject({ error: true, status: 401 });
  });

  it("refuses wrong credentials with 401 without saying which half was wrong", async () => {
    const wrongPassword = await loginAs(bob, "3209876543", "not-the-password");
    const unknownUser = await loginAs(bob, "3999999999", "secondpassword");

    expect(wrongPassword.payload.status).toBe(401);
    expect(wrongPassword.payload.reason).toBe(unknownUser.payload.reason);
  });

  it("refuses another customer's line with 403 and says nothing about it", async () => {
    expect(
      (await loginAs(bob, "3209876543", "secondpassword")).payload.status,
    ).toBe(200);

    const someoneElses = await ask(
      bob,
      telcoRequest(bot, "cmd_credit", { msisdn: "3404589485" }),
    );
    const nobodys = await ask(
      bob,
      telcoRequest(bot, "cmd_credit", { msisdn: "3000000001" }),
    );

    expect(someoneElses.payload).toMatchObject({ error: true, status: 403 });
    expect(Object.keys(someoneElses.payload).sort()).toEqual([
      "error",
      "reason",
      "status",
    ]);
    expect(someoneElses.payload.reason).toBe(nobodys.payload.reason);
  });

  it("refuses another customer's contract and customer code with 403", async () => {
    const payload = {
      customerCode: "1294941",
      contractCode: "BX19HY",
      msisdn: "3407834889",
    };
    const reply = await ask(
      bob,
      telcoRequest(bot, "cmd_payment_methods", payload),
    );

    expect(reply.payload).toMatchObject({ error: true, status: 403 });
  });
});

describe("bad input", () => {
  it("answers malformed JSON with 400 naming the position", async () => {
    const reply = await ask(
      alice,
      telcoRequest(bot, "cmd_credit", '{"msisdn": "3404589485",'),
    );

    expect(reply.payload).toMatchObject({ error: true, status: 400 });
    expect(reply.payload.reason).toMatch(/not valid JSON/);
  });

  it("answers a payload that breaks its schema with 400 naming the field", async () => {
    const missing = await ask(alice, telcoRequest(bot, "cmd_credit", {}));
    const wrong = await ask(
      alice,
      telcoRequest(bot, "cmd_credit", { msisdn: "34045x9485" }),
    );

    expect(missing.payload).toMatchObject({
      status: 400,
      reason: expect.stringContaining("msisdn"),
    });
    expect(wrong.payload).toMatchObject({
      status: 400,
      reason: expect.stringContaining("msisdn"),
    });
  });

  it("answers an unknown action with 404", async () => {
    const reply = await ask(alice, telcoRequest(bot, "cmd_teleport", {}));
    expect(reply.payload).toMatchObject({
      error: true,
      status: 404,
      reason: expect.stringContaining("cmd_teleport"),
    });
  });

  it("answers an oversized payload with 413", async () => {
    const reply = await ask(
      alice,
      telcoRequest(bot, "cmd_credit", {
        msisdn: "3404589485",
        pad: "x".repeat(70_000),
      }),
    );
    expect(reply.payload).toMatchObject({ error: true, status: 413 });
  });

  it("never answers a message of type error", async () => {
    const request = telcoRequest(bot, "cmd_credit", { msisdn: "3404589485" });
    request.attrs.type = "error";
    await alice.send(request);

    const probe = await ask(
      alice,
      telcoRequest(bot, "cmd_credit", { msisdn: "3404589485" }),
    );
    expect(probe.payload.status).toBe(200);
    expect(
      alice.receivedMatching((el) => el.attrs.id === request.attrs.id),
    ).toHaveLength(0);
  });
});

describe("recharges", () => {
  const order = (msisdnToRecharge: string) => ({
    customerCode: "1294941",
    contractCode: "BX19HY",
    msisdn: "3407834889",
    msisdnToRecharge,
    amount: 5,
    label: "5 euro",
    value: "00005",
    paymentMethod: { type: "card", code: "4234829343294392" },
  });

  const creditOf = async (msisdn: string) =>
    Number(
      (await ask(alice, telcoRequest(bot, "cmd_credit", { msisdn }))).payload
        .creditAmount,
    );

  it("raises the credit once when the same request is sent twice, and answers both alike", async () => {
    const before = await creditOf("3404589485");
    const id = uniqueId("recharge");

    const first = await ask(
      alice,
      telcoRequest(bot, "cmd_recharge", order("3404589485"), id),
    );
    const second = await ask(
      alice,
      telcoRequest(bot, "cmd_recharge", order("3404589485"), id),
    );

    expect(first.payload.status).toBe(200);
    expect(second.payload).toEqual(first.payload);
    expect(await creditOf("3404589485")).toBeCloseTo(before + 5, 2);
  });

  it("shows a recharge in cmd_last_recharges", async () => {
    const start = new Date(Date.now() - 60_000).toISOString();
    await ask(alice, telcoRequest(bot, "cmd_recharge", order("3404589485")));
    const end = new Date(Date.now() + 60_000).toISOString();

    const reply = await ask(
      alice,
      telcoRequest(bot, "cmd_last_recharges", {
        startDate: start,
        endDate: end,
      }),
    );
    expect(reply.payload.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msisdn: "3404589485", amount: "5" }),
      ]),
    );
  });

  it("tops up another customer's line, paid from one's own", async () => {
    const reply = await ask(
      alice,
      telcoRequest(bot, "cmd_recharge", order("3209876543")),
    );
    expect(reply.payload.status).toBe(200);
  });
});

describe("privacy", () => {
  it("returns card numbers masked to their last four digits and no security code", async () => {
    const reply = await ask(
      alice,
      specExample("cmd_payment_methods", "request", bot),
    );
    const text = JSON.stringify(reply.payload);

    expect(text).toContain("**** **** **** 4239");
    expect(text).not.toMatch(/4958 3483|securityCode/);
  });

  it("hashes an MSISDN sent as <thread> in the reply", async () => {
    const request = specExample("cmd_credit", "request", bot);
    request.append(xml("thread", {}, "3211234567"));

    const reply = await ask(alice, request);
    expect(reply.thread).toBe(hashMsisdn("3211234567"));
  });

  it("keeps passwords, card numbers and MSISDNs out of the log and of Redis keys", async () => {
    const log = component.logText();
    for (const secret of [
      "mycoolpassword",
      "secondpassword",
      "4958 3483",
      "3404589485",
      "3304578577",
      '484"',
    ]) {
      expect(log).not.toContain(secret);
    }

    const keys = await allRedisKeys(testEnv().redisUrl);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toMatch(/[0-9]{6,}|alice|bob/);
  });
});
