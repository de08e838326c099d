// Answers one telco request (spec: "Common Response"): find the command,
// read and validate the payload, check the session, run, and turn any
// failure into a reply with a status and a reason. The chat interface and
// the ad-hoc commands run the same commands through `perform`.
import type { Command, CommandDeps } from "./commands/command";
import { partialStatus, PartialDashboardError } from "./commands/dashboard";
import { findCommand } from "./commands/index";
import { findSession } from "./commands/session-lookup";
import { isTelcoError, TelcoError } from "./errors";
import type { Logger } from "./logger";
import { readPayload } from "./protocol/payload";
import {
  errorPayload,
  successPayload,
  type ReplyPayload,
} from "./protocol/reply";
import type { TelcoRequest } from "./protocol/request";
import type { PayloadValidator } from "./validation";

export interface AnswerDeps extends CommandDeps {
  validator: PayloadValidator;
  maxPayloadBytes: number;
}

export async function answer(
  request: TelcoRequest,
  sender: string,
  deps: AnswerDeps,
  log: Logger,
): Promise<ReplyPayload> {
  try {
    const command = commandFor(request.action);
    const payload = readSizedPayload(request.payloadText, deps.maxPayloadBytes);

    return await validateAndRun(command, payload, {
      sender,
      stanzaId: request.id,
      log,
      deps,
    });
  } catch (err) {
    return failure(err, log);
  }
}

export interface PerformContext {
  /** The requester's bare JID. */
  sender: string;
  /** The basis of idempotency keys: the same id means the same request. */
  stanzaId: string;
  log: Logger;
}

/** Runs one telco action on a payload built by us (chat, ad-hoc), as `answer` would. */
export async function perform(
  action: string,
  payload: unknown,
  ctx: PerformContext,
  deps: AnswerDeps,
): Promise<ReplyPayload> {
  try {
    return await validateAndRun(commandFor(action), payload, { ...ctx, deps });
  } catch (err) {
    return failure(err, ctx.log);
  }
}

function commandFor(action: string): Command {
  const command = findCommand(action);
  if (!command)
    throw new TelcoError("UNKNOWN_ACTION", action.slice(0, 64) || "(empty)");
  return command;
}

async function validateAndRun(
  command: Command,
  payload: unknown,
  ctx: Omit<RunContext, "payload"> & { deps: AnswerDeps },
): Promise<ReplyPayload> {
  ctx.deps.validator.assertValid(command.action, "request", payload);

  return successPayload(await run(command, { ...ctx, payload }));
}

export function readSizedPayload(text: string, maxBytes: number): unknown {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes)
    throw new TelcoError("PAYLOAD_TOO_LARGE", bytes, maxBytes);

  return readPayload(text);
}

type RunContext = {
  payload: unknown;
  sender: string;
  stanzaId: string;
  log: Logger;
  deps: CommandDeps;
};

async function run(command: Command, ctx: RunContext) {
  if (!command.needsSession) return command.run(ctx as never);

  const session = await findSession(ctx.sender, ctx.deps, ctx.log);
  if (!session) throw new TelcoError("NOT_LOGGED_IN");

  return command.run({ ...ctx, session } as never);
}

/** Client faults log at info, ours at error; the peer never sees our internals. */
export function failure(err: unknown, log: Logger): ReplyPayload {
  if (err instanceof PartialDashboardError) {
    const cause = partialStatus(err);
    log.warn(
      { code: cause.code, missing: err.missing, err: err.cause },
      "dashboard answered in part",
    );
    return errorPayload(
      cause.status,
      `${cause.reason}: missing ${err.missing.join(", ")}`,
      err.sections,
    );
  }

  if (isTelcoError(err)) {
    const ours = err.status >= 500;
    log[ours ? "error" : "info"](
      { code: err.code, status: err.status, err: err.cause },
      ours ? "request failed: see code and err" : "request refused",
    );
    return errorPayload(err.status, err.reason);
  }

  log.error({ err }, "request failed on an internal fault");
  return errorPayload(500, new TelcoError("INTERNAL").reason);
}
