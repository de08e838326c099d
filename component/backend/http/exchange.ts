// One HTTP exchange with the telco backend: a JSON POST over a pool of
// keep-alive connections (undici), cut off at its time limit. Network
// failures and time-outs come out as TransientFailure; what the reply means
// is for replies.ts to say.
import type { IncomingHttpHeaders } from "node:http";

import { Pool } from "undici";

import type { HttpBackendConfig } from "./config";
import { ContractViolation, TransientFailure } from "./failures";

export interface HttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as text, "" when there is none. */
  text: string;
}

/** The largest reply read; a larger one breaks the contract. */
export const MAX_REPLY_BYTES = 1024 * 1024;
const USER_AGENT = "xmpp-telco-component";

export class BackendExchange {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly headers: Record<string, string>;

  constructor(config: HttpBackendConfig) {
    const url = new URL(config.url);
    this.basePath = url.pathname.replace(/\/+$/, "");
    this.headers = baseHeaders(config);
    this.pool = new Pool(url.origin, {
      connections: config.connections,
      maxResponseSize: MAX_REPLY_BYTES,
      connect: { ...config.tls },
    });
  }

  /** Posts `payload` as JSON; gives up after `timeoutMs`. */
  async post(
    path: string,
    payload: unknown,
    timeoutMs: number,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpReply> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);

    try {
      const response = await this.pool.request({
        path: this.basePath + path,
        method: "POST",
        headers: { ...this.headers, ...extraHeaders },
        body: JSON.stringify(payload),
        signal: abort.signal,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    } catch (err) {
      throw failureOf(err, abort.signal.aborted, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

function baseHeaders(config: HttpBackendConfig): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, application/problem+json",
    "user-agent": USER_AGENT,
  };
  if (config.token) {
    const bearer = config.authHeader.toLowerCase() === "authorization";
    headers[config.authHeader] = bearer
      ? `Bearer ${config.token}`
      : config.token;
  }
  return headers;
}

function failureOf(err: unknown, timedOut: boolean, timeoutMs: number): Error {
  if (timedOut) {
    return new TransientFailure(
      `no reply within ${timeoutMs} ms`,
      "BACKEND_TIMEOUT",
      { cause: err },
    );
  }

  const code = (err as { code?: string }).code;
  if (code === "UND_ERR_RES_EXCEEDED_MAX_SIZE")
    return new ContractViolation(`reply larger than ${MAX_REPLY_BYTES} bytes`);

  return new TransientFailure(
    `backend unreachable (${code ?? (err as Error).message})`,
    "BACKEND_UNAVAILABLE",
    { cause: err },
  );
}
