// BACKEND=http settings: working defaults, every problem named by its
// variable, and no secret repeated in a problem.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadConfig } from "../../../component/config";
import { problemsOf } from "../config-problems";

const http = {
  COMPONENT_SECRET: "s3cret",
  BACKEND: "http",
  BACKEND_URL: "https://telco-gw.example.com/api/",
};

describe("the HTTP backend's configuration", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "telco-http-config-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("needs only BACKEND_URL, and fills the rest with working defaults", () => {
    expect(loadConfig(http).http).toEqual({
      url: "https://telco-gw.example.com/api",
      authHeader: "Authorization",
      token: undefined,
      tls: { ca: undefined, cert: undefined, key: undefined },
      attemptTimeoutMs: 2000,
      retries: 2,
      connections: 32,
      breaker: { errorPercent: 50, minCalls: 10, resetMs: 10_000 },
    });
  });

  it("is not read for the demo backend", () => {
    expect(loadConfig({ COMPONENT_SECRET: "s" }).http).toBeUndefined();
  });

  it("asks for BACKEND_URL when it is missing", () => {
    expect(problemsOf({ ...http, BACKEND_URL: "" })).toEqual([
      expect.stringMatching(/^BACKEND_URL is missing/),
    ]);
  });

  it("refuses a URL with credentials without repeating them", () => {
    const problems = problemsOf({
      ...http,
      BACKEND_URL: "https://user:hunter2@gw.example.com",
    });
    expect(problems).toEqual([
      expect.stringMatching(/^BACKEND_URL .*BACKEND_TOKEN/),
    ]);
    expect(problems.join()).not.toContain("hunter2");
  });

  it("reads the token from a file, trimmed", () => {
    const file = join(dir, "token");
    writeFileSync(file, "abc123\n");
    expect(loadConfig({ ...http, BACKEND_TOKEN_FILE: file }).http?.token).toBe(
      "abc123",
    );
  });

  it("names every wrong variable at once, and never the token", () => {
    const problems = problemsOf({
      ...http,
      BACKEND_TOKEN: "line\nbreak",
      BACKEND_TOKEN_FILE: join(dir, "missing"),
      BACKEND_AUTH_HEADER: "X Api Key",
      BACKEND_TLS_CERT_FILE: join(dir, "missing.crt"),
      BACKEND_RETRIES: "lots",
    });

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^BACKEND_TLS_CERT_FILE .*cannot read it \(ENOENT\)/,
        ),
        expect.stringMatching(/^BACKEND_AUTH_HEADER /),
        expect.stringMatching(/^BACKEND_TOKEN_FILE .*cannot read it/),
        expect.stringMatching(/^BACKEND_TOKEN holds characters/),
        expect.stringMatching(/^BACKEND_RETRIES .*whole number/),
      ]),
    );
    expect(problems.join()).not.toContain("line\nbreak");
  });

  it("wants a client certificate and its key together, over https", () => {
    const cert = join(dir, "client.crt");
    writeFileSync(cert, "not really a certificate");

    const problems = problemsOf({
      ...http,
      BACKEND_URL: "http://gw.example.com",
      BACKEND_TLS_CERT_FILE: cert,
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^BACKEND_TLS_CERT_FILE and BACKEND_TLS_KEY_FILE go together/,
      ),
      expect.stringMatching(/BACKEND_URL starts with http:/),
    ]);
  });
});
