// The spec's chat_text message (its "MSISDN Hashing" example): a line of text
// in the oob envelope, answered in the same envelope, with the reply's text
// both in the payload and as the <body>.
import { failure, readSizedPayload, type AnswerDeps } from "../answer";
import { successPayload, type ReplyPayload } from "../protocol/reply";
import type { TelcoRequest } from "../protocol/request";
import type { ChatContext, ChatInterface } from "./chat-interface";

export const CHAT_TEXT_ACTION = "chat_text";

export async function answerChatText(
  request: TelcoRequest,
  ctx: ChatContext,
  deps: AnswerDeps,
  chat: ChatInterface,
): Promise<ReplyPayload> {
  try {
    const payload = readSizedPayload(request.payloadText, deps.maxPayloadBytes);
    deps.validator.assertValid(CHAT_TEXT_ACTION, "request", payload);

    const answer = await chat.answer((payload as { text: string }).text, ctx);
    ctx.log.info({ command: answer.command }, "chat_text understood");
    return successPayload({ text: answer.text });
  } catch (err) {
    return failure(err, ctx.log);
  }
}
