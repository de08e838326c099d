// XEP-0030 Service Discovery: what the component is and what it offers, on
// its domain and on every address at it. Commands (XEP-0050 §2) are found
// under the commands node.
import xml, { type Element } from "@xmpp/xml";

import {
  NS_COMMANDS,
  NS_DATA_FORMS,
  NS_DISCO_INFO,
  NS_DISCO_ITEMS,
  NS_FORM_VALIDATE,
  NS_OOB,
  NS_PING,
  NS_VERSION,
} from "../protocol/namespaces";
import type { Language } from "../text/language";
import { botAddress, isDomainAddress, type ServiceIdentity } from "./identity";
import type { IqContext, IqService } from "./iq-router";
import { itemNotFound } from "./stanza-error";

/** Every feature the component really serves (docs/clients.md, "Discovery"). */
export const FEATURES = [
  NS_DISCO_INFO,
  NS_DISCO_ITEMS,
  NS_PING,
  NS_VERSION,
  NS_COMMANDS,
  NS_DATA_FORMS,
  NS_FORM_VALIDATE,
  NS_OOB,
];

/** The ad-hoc commands, as disco lists them. */
export interface CommandDirectory {
  commands(lang: Language): Array<{ node: string; name: string }>;
  /** The name of the commands list itself, such as "Commands". */
  listName(lang: Language): string;
}

export function discoInfo(
  identity: ServiceIdentity,
  directory: CommandDirectory,
): IqService {
  return {
    ns: NS_DISCO_INFO,
    name: "query",
    get: (ctx) => {
      const node = ctx.payload.attrs.node;
      return query(NS_DISCO_INFO, node, infoOf(node, ctx, identity, directory));
    },
  };
}

export function discoItems(
  identity: ServiceIdentity,
  directory: CommandDirectory,
): IqService {
  return {
    ns: NS_DISCO_ITEMS,
    name: "query",
    get: (ctx) => {
      const node = ctx.payload.attrs.node;
      return query(
        NS_DISCO_ITEMS,
        node,
        itemsOf(node, ctx, identity, directory),
      );
    },
  };
}

function infoOf(
  node: string | undefined,
  ctx: IqContext,
  identity: ServiceIdentity,
  directory: CommandDirectory,
): Element[] {
  if (node === undefined) {
    // The domain is the component; any address at it is the chat bot.
    const [category, type] = isDomainAddress(ctx.to)
      ? ["component", "generic"]
      : ["client", "bot"];
    return [
      identityElement(category, type, identity.name),
      ...FEATURES.map(feature),
    ];
  }

  if (node === NS_COMMANDS) {
    return [
      identityElement(
        "automation",
        "command-list",
        directory.listName(ctx.lang),
      ),
      feature(NS_DISCO_INFO),
    ];
  }

  const command = findCommand(node, ctx.lang, directory);
  return [
    identityElement("automation", "command-node", command.name),
    feature(NS_COMMANDS),
    feature(NS_DATA_FORMS),
  ];
}

function itemsOf(
  node: string | undefined,
  ctx: IqContext,
  identity: ServiceIdentity,
  directory: CommandDirectory,
): Element[] {
  const commandsList = item(ctx.to, directory.listName(ctx.lang), NS_COMMANDS);

  if (node === undefined) {
    if (!isDomainAddress(ctx.to)) return [commandsList];
    return [item(botAddress(identity), identity.name), commandsList];
  }

  if (node === NS_COMMANDS) {
    return directory
      .commands(ctx.lang)
      .map((command) => item(ctx.to, command.name, command.node));
  }

  findCommand(node, ctx.lang, directory);
  return [];
}

function findCommand(
  node: string,
  lang: Language,
  directory: CommandDirectory,
): { node: string; name: string } {
  const command = directory.commands(lang).find((c) => c.node === node);
  if (!command) throw itemNotFound(`no such node: ${node.slice(0, 64)}`);
  return command;
}

function query(ns: string, node: string | undefined, children: Element[]) {
  return xml("query", { xmlns: ns, node }, ...children);
}

function identityElement(category: string, type: string, name: string) {
  return xml("identity", { category, type, name });
}

function feature(ns: string): Element {
  return xml("feature", { var: ns });
}

function item(address: string, name: string, node?: string): Element {
  return xml("item", { jid: address, node, name });
}
