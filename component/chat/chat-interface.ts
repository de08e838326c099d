// The text interface (docs/clients.md, "Plain chat"): a few short commands
// answered for the logged-in customer, through the same command modules (and
// so the same caches) as the oob requests. It never asks for a password.
import { perform, type AnswerDeps } from "../answer";
import { findSession } from "../commands/session-lookup";
import { isTelcoError } from "../errors";
import type { Logger } from "../logger";
import type { ReplyPayload } from "../protocol/reply";
import { linesOf } from "../session/session-store";
import { errorText } from "../text/error-text";
import { formatEuro } from "../text/format";
import type { Language } from "../text/language";
import { messagesFor, type Messages } from "../text/messages";
import { describeReply } from "../text/reply-text";
import {
  parseText,
  resolveLine,
  type ChatCommand,
  type ParsedText,
} from "./chat-commands";

/** How far back "recharges" looks. */
export const RECHARGES_PERIOD_DAYS = 90;
const DAY_MS = 86_400_000;

export interface ChatContext {
  /** The sender's bare JID. */
  sender: string;
  stanzaId: string;
  lang: Language;
  log: Logger;
}

export interface ChatAnswer {
  text: string;
  /** What was understood, for the log: never the text itself. */
  command: ChatCommand | "unknown";
}

type LineCommand = Exclude<ChatCommand, "help" | "lines" | "recharges">;

const LINE_ACTIONS: Record<LineCommand, string> = {
  credit: "cmd_credit",
  dashboard: "cmd_dashboard",
  options: "cmd_active_options",
};

export class ChatInterface {
  constructor(private readonly deps: AnswerDeps) {}

  async answer(text: string, ctx: ChatContext): Promise<ChatAnswer> {
    const parsed = parseText(text);
    const messages = messagesFor(ctx.lang);

    if (!parsed.command)
      return { text: messages.chat.unknown(parsed.word), command: "unknown" };
    if (parsed.command === "help")
      return { text: messages.chat.help.join("\n"), command: "help" };

    try {
      return {
        text: await this.forCustomer(parsed, ctx, messages),
        command: parsed.command,
      };
    } catch (err) {
      // Only the session store can fail here: perform() answers every other failure.
      if (!isTelcoError(err)) throw err;
      return { text: errorText(err, ctx.lang), command: parsed.command };
    }
  }

  private async forCustomer(
    parsed: ParsedText,
    ctx: ChatContext,
    messages: Messages,
  ): Promise<string> {
    const session = await findSession(ctx.sender, this.deps, ctx.log);
    if (!session) return messages.chat.notLoggedIn;
    const lines = linesOf(session);

    switch (parsed.command) {
      case "lines":
        return [
          messages.chat.yourLines,
          ...lines.map((line, i) => `${i + 1}. ${line}`),
        ].join("\n");
      case "recharges":
        return this.recharges(ctx);
      case "credit":
        if (parsed.argument === undefined && lines.length > 1)
          return this.creditOfAll(lines, ctx);
        return this.lineCommand("credit", parsed, lines, ctx, messages);
      default:
        return this.lineCommand(
          parsed.command as LineCommand,
          parsed,
          lines,
          ctx,
          messages,
        );
    }
  }

  private async lineCommand(
    command: LineCommand,
    parsed: ParsedText,
    lines: string[],
    ctx: ChatContext,
    messages: Messages,
  ): Promise<string> {
    if (parsed.argument === undefined && lines.length > 1)
      return messages.chat.whichLine(parsed.word.toLowerCase(), lines);

    const line =
      parsed.argument === undefined
        ? lines[0]
        : resolveLine(parsed.argument, lines);
    if (line === undefined)
      return messages.chat.notYourLine(parsed.argument ?? "");

    const action = LINE_ACTIONS[command];
    return describeReply(
      action,
      await this.run(action, { msisdn: line }, ctx),
      ctx.lang,
    );
  }

  /** One line per number: "3404589485: 10,00 EUR". */
  private async creditOfAll(
    lines: string[],
    ctx: ChatContext,
  ): Promise<string> {
    const replies = await Promise.all(
      lines.map((msisdn) => this.run("cmd_credit", { msisdn }, ctx)),
    );
    const rows = replies.map((reply, i) =>
      reply.error
        ? `${lines[i]}: ${errorText(reply, ctx.lang)}`
        : `${lines[i]}: ${formatEuro(reply.creditAmount, ctx.lang)}`,
    );
    return [`${messagesFor(ctx.lang).labels.credit}:`, ...rows].join("\n");
  }

  private async recharges(ctx: ChatContext): Promise<string> {
    const end = new Date();
    const start = new Date(end.getTime() - RECHARGES_PERIOD_DAYS * DAY_MS);
    const reply = await this.run(
      "cmd_last_recharges",
      { startDate: start.toISOString(), endDate: end.toISOString() },
      ctx,
    );
    return describeReply("cmd_last_recharges", reply, ctx.lang);
  }

  private run(
    action: string,
    payload: unknown,
    ctx: ChatContext,
  ): Promise<ReplyPayload> {
    const { sender, stanzaId, log } = ctx;
    return perform(action, payload, { sender, stanzaId, log }, this.deps);
  }
}
