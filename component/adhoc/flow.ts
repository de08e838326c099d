// How an ad-hoc command is described: the stages a customer fills in, one
// form each, and what completing it does. The engine (engine.ts) walks a
// flow through XEP-0050's execute, next, prev, complete and cancel.
import type { Logger } from "../logger";
import type { ReplyPayload } from "../protocol/reply";
import type { Session } from "../session/session-store";
import { errorText } from "../text/error-text";
import type { Language } from "../text/language";
import type { CommandKey, Messages } from "../text/messages";
import type { Note } from "./command-xml";
import type { DataForm } from "./data-form";
import type { Submission } from "./submission";

/** The answers collected so far, by field name. */
export type Values = Record<string, string>;

export interface FlowContext {
  /** The requester's bare JID. */
  sender: string;
  /** The ad-hoc session: also the idempotency basis of what it orders. */
  sessionId: string;
  lang: Language;
  messages: Messages;
  log: Logger;
  /** Runs a telco action through the command modules, as an oob request would. */
  perform(action: string, payload: unknown): Promise<ReplyPayload>;
  /** The customer's login session; throws LoginNeeded without one. */
  session(): Promise<Session>;
}

export interface Stage {
  form(ctx: FlowContext, values: Values): Promise<DataForm>;
  /** The stage's answers, checked; a FieldError sends the same form back. */
  read(
    ctx: FlowContext,
    submission: Submission,
    values: Values,
  ): Promise<Values>;
}

export interface Outcome {
  form?: DataForm;
  note?: Note;
}

export interface Flow {
  /** The XEP-0050 node: short, so that it can be typed (Profanity: /cmd exec credit). */
  node: string;
  title: CommandKey;
  needsLogin: boolean;
  stages: Stage[];
  complete(ctx: FlowContext, values: Values): Promise<Outcome>;
}

/** A field answered wrongly: told to the customer, who tries again. */
export class FieldError extends Error {
  constructor(readonly note: string) {
    super(note);
    this.name = "FieldError";
  }
}

/** The command needs a login that the customer does not have (any more). */
export class LoginNeeded extends Error {
  constructor() {
    super("login needed");
    this.name = "LoginNeeded";
  }
}

/** A telco action failed while building a form: the command ends with its reason. */
export class FlowFailure extends Error {
  constructor(readonly reply: ReplyPayload) {
    super(`telco action failed with status ${reply.status}`);
    this.name = "FlowFailure";
  }
}

/** Runs an action whose success a stage needs; a failure ends the command. */
export async function performOrFail(
  ctx: FlowContext,
  action: string,
  payload: unknown,
): Promise<ReplyPayload> {
  const reply = await ctx.perform(action, payload);
  if (reply.error) throw new FlowFailure(reply);
  return reply;
}

/** A reply as the command's end: its result form, or its failure as a note. */
export function outcomeOf(
  ctx: FlowContext,
  reply: ReplyPayload,
  render: (ctx: FlowContext, reply: ReplyPayload) => DataForm,
): Outcome {
  if (!reply.error) return { form: render(ctx, reply) };

  const note: Note = { type: "error", text: errorText(reply, ctx.lang) };
  // A reply with more than the common fields is a partial one (a dashboard
  // with a section missing): what it has is still worth showing.
  const partial = Object.keys(reply).length > 3;
  return partial ? { form: render(ctx, reply), note } : { note };
}
