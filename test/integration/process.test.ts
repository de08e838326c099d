// The component as an admin runs it: `node dist/component/main.js`, its
// configuration errors, and a clean stop on SIGTERM that answers first.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createLogger } from "../../component/logger";
import { testEnv } from "../support/env";
import { startTestBackend } from "../support/test-backend";
import { readReply, telcoRequest } from "../support/stanzas";
import { TestClient } from "../support/test-client";

const MAIN = resolve(__dirname, "..", "..", "dist", "component", "main.js");

function componentEnv(
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env = testEnv();
  return {
    PATH: process.env.PATH,
    XMPP_SERVICE: env.componentService,
    COMPONENT_DOMAIN: env.componentDomain,
    COMPONENT_SECRET: env.componentSecret,
    REDIS_URL: env.redisUrl,
    DEMO_DB_PATH: join(dataDir, "demo.sqlite"),
    ...extra,
  };
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((done) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) done();
    });
  });
}

describe("the component process", () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), "telco-process-"))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("exits with status 78 and names every wrong variable", () => {
    const env = {
      ...componentEnv(dataDir),
      COMPONENT_SECRET: "",
      REDIS_URL: "localhost",
    };
    const result = spawnSync(process.execPath, [MAIN], {
      env,
      encoding: "utf8",
      timeout: 15_000,
    });

    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/COMPONENT_SECRET is missing/);
    expect(result.stderr).toMatch(/REDIS_URL is "localhost"/);
  });

  it("answers the request in flight before it stops on SIGTERM, then exits 0", async () => {
    const backend = await startTestBackend(join(dataDir, "demo.sqlite"), {
      delayMs: 1500,
      log: createLogger("silent"),
    });
    const child = spawn(process.execPath, [MAIN], {
      env: componentEnv(dataDir, backend.env),
    });
    await waitForLine(child, /component online/);
    const alice = await TestClient.connect(
      "alice",
      "alice-pass",
      "process-test",
    );
    const bot = `buddy_channel@${testEnv().componentDomain}`;

    const login = telcoRequest(bot, "cmd_login", {
      username: "3304578577",
      password: "mycoolpassword",
    });
    await alice.send(login);
    await new Promise((done) => setTimeout(done, 300));
    const exited = new Promise<number | null>((done) =>
      child.once("exit", done),
    );
    child.kill("SIGTERM");

    const reply = await alice.waitFor(
      (el) => el.attrs.id === login.attrs.id,
      10_000,
    );
    expect(readReply(reply).payload.status).toBe(200);
    expect(await exited).toBe(0);
    await alice.stop();
    await backend.stop();
  });
});
