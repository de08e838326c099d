// Trusted domains through a real Prosody: an account of a listed domain whose
// local part is a customer's username is served without any login; any other
// account of that domain is not logged in. Off by default.
import xml from "@xmpp/xml";

import { testEnv } from "../support/env";
import { commandIq, readCommandReply } from "../support/iq-stanzas";
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";
import { forgetLogins } from "../support/sessions";
import { readReply, telcoRequest, uniqueId } from "../support/stanzas";
import { TestClient } from "../support/test-client";

let component: RunningComponent | undefined;
let giulia: TestClient;
let alice: TestClient;
let bot: string;

beforeAll(async () => {
  bot = `buddy_channel@${testEnv().componentDomain}`;
  giulia = await TestClient.connect(
    "3209876543",
    "giulia-xmpp-pass",
    "trusted",
  );
  alice = await TestClient.connect("alice", "alice-pass", "trusted");

  // Start from no session at all, whatever other test files left in Redis.
  await forgetLogins(giulia, alice);
});

afterEach(async () => {
  await component?.stop();
  component = undefined;
});

afterAll(async () => {
  await giulia?.stop();
  await alice?.stop();
});

async function say(client: TestClient, text: string): Promise<string> {
  const thread = uniqueId("t");
  await client.send(
    xml(
      "message",
      { to: bot, type: "chat" },
      xml("body", {}, text),
      xml("thread", {}, thread),
    ),
  );
  const reply = await client.waitFor(
    (el) => el.is("message") && el.getChildText("thread") === thread,
  );
  return reply.getChildText("body") ?? "";
}

describe("by default", () => {
  it("asks even an account named like a customer to log in", async () => {
    component = await startComponent();
    expect(await say(giulia, "credito")).toContain("Accedi");
  });
});

describe("with TRUSTED_DOMAINS naming the users' domain", () => {
  beforeEach(async () => {
    component = await startComponent({
      TRUSTED_DOMAINS: testEnv().xmppDomain,
    });
  });

  it("serves the customer named by the local part, without a password", async () => {
    expect(await say(giulia, "credito")).toBe("Credito residuo: 7,20 EUR");

    const oob = await giulia.request(
      telcoRequest(bot, "cmd_credit", { msisdn: "3209876543" }),
    );
    expect(readReply(oob).payload.status).toBe(200);

    const form = readCommandReply(await giulia.iq(commandIq(bot, "credit")));
    expect(form.fields.line.options).toEqual(["3209876543"]);
  });

  it("does not log in an account whose local part is no customer", async () => {
    expect(await say(alice, "credito")).toContain("Accedi");
  });

  it("says at start, at warn, that password-less logins are on", () => {
    expect(
      component?.logLines.some(
        (line) =>
          line.level === 40 && /trusted domains on/.test(String(line.msg)),
      ),
    ).toBe(true);
  });
});
