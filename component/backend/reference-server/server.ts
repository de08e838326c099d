// The reference telco backend: any TelcoBackend (the demo one in practice)
// served over HTTP through contract/telco-backend.openapi.yaml. Requests are
// held to the contract as strictly as the component holds replies, so that an
// operator can copy it, and the test suite can run BACKEND=http against it.
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";

import type { Logger } from "../../logger";
import { describe } from "../../validation";
import {
  backendContract,
  type BackendContract,
  type Operation,
} from "../http/contract";
import type { TelcoBackend } from "../telco-backend";
import { authorizer } from "./auth";
import { problemFor, type ProblemReply } from "./problems";
import { ROUTES } from "./routes";

export interface ReferenceServerOptions {
  backend: TelcoBackend;
  log: Logger;
  /** When set, every request must carry it, as the component sends it. */
  token?: string;
  /** @default "Authorization", with "Bearer <token>" */
  authHeader?: string;
  contract?: BackendContract;
}

const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;

export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
) => void;

export function createReferenceServer(options: ReferenceServerOptions): Server {
  return createServer(referenceHandler(options));
}

/** The server's request handler, for tests that put faults in front of it. */
export function referenceHandler(
  options: ReferenceServerOptions,
): RequestHandler {
  const contract = options.contract ?? backendContract();
  const byPath = new Map(contract.operations.map((op) => [op.path, op]));
  const authorized = authorizer(options.token, options.authHeader);

  return (req, res) => {
    const started = Date.now();
    const operation = byPath.get(req.url ?? "");
    const done = (status: number) =>
      options.log.debug(
        { operation: operation?.id, status, ms: Date.now() - started },
        "request served",
      );

    serve(req, res, { operation, authorized, options })
      .then(done)
      .catch((err) => {
        options.log.error({ err, operation: operation?.id }, "request failed");
        done(sendProblem(res, { status: 500, code: "INTERNAL" }));
      });
  };
}

interface Context {
  operation: Operation | undefined;
  authorized: (req: IncomingMessage) => boolean;
  options: ReferenceServerOptions;
}

/** Answers one request; resolves to the status sent. */
async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  { operation, authorized, options }: Context,
): Promise<number> {
  if (!authorized(req))
    return sendProblem(res, { status: 401, code: "UNAUTHORIZED" });
  if (!operation || req.method !== "POST")
    return sendProblem(
      res,
      badRequest(`no operation ${req.method} ${req.url}`),
    );

  const body = await readBody(req);
  const refusal = checkRequest(operation, body, req.headers["idempotency-key"]);
  if (refusal) return sendProblem(res, refusal);

  const key = String(req.headers["idempotency-key"] ?? "");
  try {
    const result = await ROUTES[operation.id](
      options.backend,
      body as never,
      key,
    );
    return sendJson(res, operation.successStatus, result);
  } catch (err) {
    const problem = problemFor(err, operation.id);
    if (!problem) throw err;
    return sendProblem(res, problem);
  }
}

function checkRequest(
  operation: Operation,
  body: unknown,
  key: string | string[] | undefined,
): ProblemReply | undefined {
  if (body === undefined)
    return badRequest("the body is not JSON, or too large");
  if (!operation.validateRequest(body))
    return badRequest(describe(operation.validateRequest.errors?.[0]));
  if (operation.id === "recharge" && !IDEMPOTENCY_KEY.test(String(key ?? "")))
    return badRequest("header Idempotency-Key is missing or malformed");
  return undefined;
}

function badRequest(detail: string): ProblemReply {
  return { status: 400, code: "BAD_REQUEST", detail };
}

/** The parsed JSON body; undefined when it is not JSON or too large. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so that the reply can still be sent.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return undefined;

  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): number {
  if (status === 204 || body === undefined) {
    res.writeHead(status).end();
    return status;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json" }).end(text);
  return status;
}

function sendProblem(res: ServerResponse, problem: ProblemReply): number {
  if (res.headersSent) {
    res.destroy();
    return problem.status;
  }
  const text = JSON.stringify(problem);
  res
    .writeHead(problem.status, { "content-type": "application/problem+json" })
    .end(text);
  return problem.status;
}
