// Builds what answers the stanzas that are not telco requests: the IQ router
// with discovery, ping, software version and the ad-hoc commands; the text
// interface; presence. Wired once at start by app.ts.
import { AdhocCommands } from "./adhoc/engine";
import { FLOWS } from "./adhoc/flows/index";
import type { AdhocSessionStore } from "./adhoc/session-store";
import type { AnswerDeps } from "./answer";
import { ChatInterface } from "./chat/chat-interface";
import type { StanzaServices } from "./dispatch";
import type { Language } from "./text/language";
import { discoInfo, discoItems } from "./xmpp-services/disco";
import type { ServiceIdentity } from "./xmpp-services/identity";
import { IqRouter } from "./xmpp-services/iq-router";
import { ping } from "./xmpp-services/ping";
import { answerPresence } from "./xmpp-services/presence";
import { softwareVersion, type Software } from "./xmpp-services/version";

export interface StanzaServicesOptions {
  identity: ServiceIdentity;
  language: Language;
  adhocSessions: AdhocSessionStore;
  software: Software;
}

export function createStanzaServices(
  deps: AnswerDeps,
  options: StanzaServicesOptions,
): StanzaServices {
  const { identity, language } = options;
  const adhoc = new AdhocCommands(deps, options.adhocSessions, FLOWS);

  const iqs = new IqRouter(language)
    .serve(discoInfo(identity, adhoc))
    .serve(discoItems(identity, adhoc))
    .serve(ping)
    .serve(softwareVersion(options.software))
    .serve(adhoc.service());

  return {
    iqs,
    chat: new ChatInterface(deps),
    presence: (stanza) => answerPresence(stanza, identity),
    language,
  };
}
