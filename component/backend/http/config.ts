// The HTTP backend's settings (BACKEND=http), read with the rest of the
// configuration so that every problem is reported at once, naming its
// variable. Secrets read from files never appear in a problem.
import { readFileSync } from "node:fs";

import type { EnvReader } from "../../config";

export interface HttpBackendConfig {
  /** Where the contract's paths live, such as https://gw.example.com/telco. */
  url: string;
  /** The header that carries the token: Authorization sends "Bearer <token>". */
  authHeader: string;
  token?: string;
  tls: { ca?: string; cert?: string; key?: string };
  /** Longest wait for one attempt; BACKEND_TIMEOUT_MS bounds the whole call. */
  attemptTimeoutMs: number;
  /** Attempts after the first one, for failures that may pass. */
  retries: number;
  /** Most connections kept open to the backend. */
  connections: number;
  breaker: { errorPercent: number; minCalls: number; resetMs: number };
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What a header value may hold (RFC 9110 field-vchar and spaces).
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]+$/;

export function readHttpBackendConfig(read: EnvReader): HttpBackendConfig {
  const url = backendUrl(read);
  const tls = {
    ca: readFile(read, "BACKEND_TLS_CA_FILE"),
    cert: readFile(read, "BACKEND_TLS_CERT_FILE"),
    key: readFile(read, "BACKEND_TLS_KEY_FILE"),
  };
  checkTls(read, url, tls);

  return {
    url,
    ...readBackendAuth(read),
    tls,
    attemptTimeoutMs: read.integer(
      "BACKEND_ATTEMPT_TIMEOUT_MS",
      2000,
      10,
      120_000,
    ),
    retries: read.integer("BACKEND_RETRIES", 2, 0, 10),
    connections: read.integer("BACKEND_CONNECTIONS", 32, 1, 1024),
    breaker: {
      errorPercent: read.integer("BACKEND_BREAKER_ERROR_PERCENT", 50, 1, 100),
      minCalls: read.integer("BACKEND_BREAKER_MIN_CALLS", 10, 1, 10_000),
      resetMs: read.integer("BACKEND_BREAKER_RESET_MS", 10_000, 100, 3_600_000),
    },
  };
}

function backendUrl(read: EnvReader): string {
  const value = read.required(
    "BACKEND_URL",
    "the base URL of your telco backend, such as https://telco-gw.example.com/api",
  );
  if (!value) return "";

  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  const fine =
    parsed &&
    ["http:", "https:"].includes(parsed.protocol) &&
    parsed.hostname &&
    !parsed.username &&
    !parsed.password &&
    !parsed.search &&
    !parsed.hash;
  if (fine) return value.replace(/\/+$/, "");

  read.problems.push(
    `BACKEND_URL is "${parsed ? parsed.origin : "(not a URL)"}...": it must be an http:// or https:// URL without credentials, query or fragment, such as https://telco-gw.example.com/api (put credentials in BACKEND_TOKEN)`,
  );
  return "";
}

/** BACKEND_AUTH_HEADER and the token: shared with the reference server. */
export function readBackendAuth(
  read: EnvReader,
): Pick<HttpBackendConfig, "authHeader" | "token"> {
  return { authHeader: authHeader(read), token: token(read) };
}

function authHeader(read: EnvReader): string {
  const name = read.text("BACKEND_AUTH_HEADER", "Authorization");
  if (HEADER_NAME.test(name)) return name;

  read.problems.push(
    `BACKEND_AUTH_HEADER is "${name.slice(0, 64)}": it must be an HTTP header name such as X-Api-Key`,
  );
  return "Authorization";
}

function token(read: EnvReader): string | undefined {
  const inline = read.text("BACKEND_TOKEN", "");
  const fromFile = readFile(read, "BACKEND_TOKEN_FILE")?.trim();
  if (inline && fromFile !== undefined) {
    read.problems.push(
      "BACKEND_TOKEN and BACKEND_TOKEN_FILE are both set: keep one of them",
    );
  }

  const value = inline || fromFile;
  if (value === undefined || value === "") return undefined;
  if (HEADER_VALUE.test(value)) return value;

  read.problems.push(
    `${inline ? "BACKEND_TOKEN" : "BACKEND_TOKEN_FILE"} holds characters an HTTP header cannot carry (a line break?)`,
  );
  return undefined;
}

function readFile(read: EnvReader, name: string): string | undefined {
  const path = read.text(name, "");
  if (!path) return undefined;

  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unreadable";
    read.problems.push(`${name} is "${path}": cannot read it (${code})`);
    return undefined;
  }
}

function checkTls(
  read: EnvReader,
  url: string,
  tls: HttpBackendConfig["tls"],
): void {
  if (Boolean(tls.cert) !== Boolean(tls.key)) {
    read.problems.push(
      "BACKEND_TLS_CERT_FILE and BACKEND_TLS_KEY_FILE go together: set both for a client certificate, or neither",
    );
  }

  const usesTls = tls.ca || tls.cert || tls.key;
  if (usesTls && url.startsWith("http:")) {
    read.problems.push(
      "BACKEND_TLS_* files are set but BACKEND_URL starts with http://: use https://",
    );
  }
}
