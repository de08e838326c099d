// A telco backend that misbehaves when told to, for fault tests: the
// reference server on loopback behind a switch that makes an operation slow,
// answer an error status, reset the connection before or after doing the
// work, or reply with malformed JSON or the wrong shape. It records every
// request it receives, with its Idempotency-Key.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import {
  openDemoBackend,
  type DemoBackend,
} from "../../component/backend/demo";
import { backendContract } from "../../component/backend/http/contract";
import { referenceHandler } from "../../component/backend/reference-server/server";
import type { Logger } from "../../component/logger";
import { listenOnLoopback, type LoopbackServer } from "./http-server";

export type Fault =
  /** The work is done, the reply sent this much later. */
  | { kind: "slow"; ms: number }
  | { kind: "status"; status: number; retryAfterSeconds?: number }
  /** The connection is reset before the work is done. */
  | { kind: "reset" }
  /** The work is done, then the connection is reset: the reply is lost. */
  | { kind: "reset-after-work" }
  | { kind: "malformed-json" }
  | { kind: "wrong-shape" };

export interface SeenRequest {
  operation: string;
  idempotencyKey?: string;
}

interface Injected {
  fault: Fault;
  left: number;
}

export class FaultyBackend {
  readonly seen: SeenRequest[] = [];
  private readonly faults = new Map<string, Injected>();
  private readonly byPath = new Map(
    backendContract().operations.map((op) => [op.path, op.id as string]),
  );
  private server?: LoopbackServer;

  private constructor(
    readonly demo: DemoBackend,
    readonly token: string,
    private readonly log: Logger,
  ) {}

  static async start(dbPath: string, log: Logger): Promise<FaultyBackend> {
    const token = randomBytes(16).toString("hex");
    const backend = new FaultyBackend(
      openDemoBackend({ path: dbPath }),
      token,
      log,
    );
    const reference = referenceHandler({ backend: backend.demo, log, token });
    backend.server = await listenOnLoopback((req, res) =>
      backend.handle(req, res, reference),
    );
    return backend;
  }

  /** The component's variables that point it here. */
  get env(): Record<string, string> {
    return {
      BACKEND: "http",
      BACKEND_URL: this.server?.url ?? "",
      BACKEND_TOKEN: this.token,
    };
  }

  /** Makes the next `times` requests of `operation` fail this way. */
  inject(operation: string, fault: Fault, times = Infinity): void {
    this.faults.set(operation, { fault, left: times });
  }

  heal(): void {
    this.faults.clear();
  }

  requestsOf(operation: string): SeenRequest[] {
    return this.seen.filter((request) => request.operation === operation);
  }

  async stop(): Promise<void> {
    await this.server?.close();
    await this.demo.close();
  }

  private handle(
    req: IncomingMessage,
    res: ServerResponse,
    reference: (req: IncomingMessage, res: ServerResponse) => void,
  ): void {
    const operation = this.byPath.get(req.url ?? "") ?? String(req.url);
    const key = req.headers["idempotency-key"];
    this.seen.push({
      operation,
      idempotencyKey: key ? String(key) : undefined,
    });

    const fault = this.take(operation);
    if (!fault) return reference(req, res);
    this.log.debug({ operation, fault: fault.kind }, "fault injected");
    misbehave(fault, req, res, reference);
  }

  private take(operation: string): Fault | undefined {
    const injected = this.faults.get(operation);
    if (!injected || injected.left <= 0) return undefined;
    injected.left -= 1;
    return injected.fault;
  }
}

function misbehave(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  reference: (req: IncomingMessage, res: ServerResponse) => void,
): void {
  switch (fault.kind) {
    case "slow":
      return reference(
        req,
        withEnd(res, (end) => setTimeout(end, fault.ms)),
      );
    case "reset-after-work":
      return reference(
        req,
        withEnd(res, () => req.socket.destroy()),
      );
    case "reset":
      req.socket.destroy();
      return;
    case "status":
      return sendStatus(res, fault.status, fault.retryAfterSeconds);
    case "malformed-json":
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"creditAmount": "10.0');
      return;
    case "wrong-shape":
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ credit: 10 }));
      return;
  }
}

/** The response, its end() handed to `wrap` instead of sent at once. */
function withEnd(
  res: ServerResponse,
  wrap: (end: () => void) => void,
): ServerResponse {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    wrap(() => end(...args));
    return res;
  }) as ServerResponse["end"];
  return res;
}

function sendStatus(
  res: ServerResponse,
  status: number,
  retryAfterSeconds?: number,
): void {
  const headers: Record<string, string> = {
    "content-type": "application/problem+json",
  };
  if (retryAfterSeconds !== undefined)
    headers["retry-after"] = String(retryAfterSeconds);
  res.writeHead(status, headers);
  res.end(JSON.stringify({ status, code: "UNAVAILABLE" }));
}
