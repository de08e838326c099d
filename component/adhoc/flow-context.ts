// What a flow may use while it runs one step: the requester, the language,
// and the telco actions, run through the command modules as oob requests
// are (component/answer.ts), with the ad-hoc session as idempotency basis.
import { perform, type AnswerDeps } from "../answer";
import { findSession } from "../commands/session-lookup";
import type { Session } from "../session/session-store";
import { messagesFor } from "../text/messages";
import type { IqContext } from "../xmpp-services/iq-router";
import { LoginNeeded, type FlowContext } from "./flow";

export function flowContext(
  iq: IqContext,
  sessionId: string,
  deps: AnswerDeps,
): FlowContext {
  let session: Promise<Session | null> | undefined;
  const performContext = {
    sender: iq.sender,
    stanzaId: `adhoc:${sessionId}`,
    log: iq.log,
  };

  return {
    sender: iq.sender,
    sessionId,
    lang: iq.lang,
    messages: messagesFor(iq.lang),
    log: iq.log,
    perform: (action, payload) =>
      perform(action, payload, performContext, deps),
    // Looked up once per step, however many stages ask.
    session: async () => {
      session ??= findSession(iq.sender, deps, iq.log);
      const found = await session;
      if (!found) throw new LoginNeeded();
      return found;
    },
  };
}
