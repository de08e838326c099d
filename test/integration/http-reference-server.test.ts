// The reference server as an operator runs it: `npm run backend` (the built
// dist/component/backend/reference-server/main.js), answering through the
// contract until SIGTERM, and exiting 78 on a wrong setting.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const MAIN = resolve(
  __dirname,
  "..",
  "..",
  "dist",
  "component",
  "backend",
  "reference-server",
  "main.js",
);

describe("the reference server process", () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), "telco-reference-"))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const env = (extra: Record<string, string>) => ({
    PATH: process.env.PATH,
    DEMO_DB_PATH: join(dataDir, "demo.sqlite"),
    BACKEND_PORT: "0",
    ...extra,
  });

  it("serves the demo data to a caller with the token, then stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: env({ BACKEND_TOKEN: "reference-token" }),
    });
    const url = await new Promise<string>((done) => {
      let seen = "";
      child.stdout.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const found = seen.match(/"url":"(http:\/\/127\.0\.0\.1:[0-9]+)"/);
        if (found) done(found[1]);
      });
    });

    const response = await fetch(`${url}/credit`, {
      method: "POST",
      headers: {
        authorization: "Bearer reference-token",
        "content-type": "application/json",
      },
      body: JSON.stringify({ msisdn: "3404589485" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ creditAmount: "10.00" });

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    expect((await exited)[0]).toBe(0);
  });

  it("exits with status 78 and names a wrong variable", () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: env({ BACKEND_PORT: "http" }),
      encoding: "utf8",
      timeout: 15_000,
    });

    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/BACKEND_PORT is "http"/);
  });
});
