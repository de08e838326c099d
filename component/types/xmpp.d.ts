// Type declarations for the @xmpp/* 0.13 packages and ltx, which ship none.
// Only what this project uses is declared.

declare module "@xmpp/xml" {
  type Attrs = Record<string, string | number | undefined>;
  type Child = Element | string;

  export class Element {
    constructor(name: string, attrs?: Attrs);
    name: string;
    attrs: Record<string, string | undefined>;
    children: Child[];
    parent: Element | null;
    is(name: string, xmlns?: string): boolean;
    getChild(name: string, xmlns?: string): Element | undefined;
    getChildren(name: string, xmlns?: string): Element[];
    getChildElements(): Element[];
    getChildText(name: string, xmlns?: string): string | null;
    getText(): string;
    text(): string;
    c(name: string, attrs?: Attrs): Element;
    t(text: string): Element;
    up(): Element;
    append(...children: Child[]): Element;
    toString(): string;
  }

  function xml(
    name: string,
    attrs?: Attrs | null,
    ...children: Array<Child | Child[] | undefined>
  ): Element;

  namespace xml {
    export { Element };
  }

  export default xml;
}

declare module "@xmpp/jid" {
  export interface JID {
    local: string;
    domain: string;
    resource: string;
    bare(): JID;
    toString(): string;
  }

  function jid(address: string): JID;
  export default jid;
}

declare module "@xmpp/component" {
  import type { EventEmitter } from "node:events";
  import type { Socket } from "node:net";
  import type xml from "@xmpp/xml";
  import type { Element } from "@xmpp/xml";

  type IqHandler = (ctx: {
    stanza: Element;
    element: Element;
  }) => Element | object | Promise<Element | object>;

  export interface Component extends EventEmitter {
    status: string;
    socket: Socket | null;
    options: { service: string; domain: string };
    start(): Promise<void>;
    stop(): Promise<void>;
    connect(service: string): Promise<void>;
    open(options: { domain: string }): Promise<Element>;
    send(element: Element): Promise<void>;
    write(text: string): Promise<void>;
    reconnect: { stop(): void };
    iqCallee: {
      get(ns: string, name: string, handler: IqHandler): void;
      set(ns: string, name: string, handler: IqHandler): void;
    };
    iqCaller: { request(element: Element, timeout?: number): Promise<Element> };
  }

  export function component(options: {
    service: string;
    domain: string;
    password: string;
  }): Component;
  export { xml };
}

declare module "@xmpp/component-core" {
  import type { EventEmitter } from "node:events";
  import type { Socket } from "node:net";
  import type { Element } from "@xmpp/xml";

  /** The XEP-0114 connection itself, without the factory's plug-ins. */
  export class Component extends EventEmitter {
    constructor(options: { service: string; domain: string });
    status: string;
    socket: Socket | null;
    connect(service: string): Promise<void>;
    open(options: { domain: string }): Promise<Element>;
    authenticate(streamId: string, secret: string): Promise<void>;
    send(element: Element): Promise<void>;
    stop(): Promise<void>;
  }
}

declare module "@xmpp/middleware" {
  import type { EventEmitter } from "node:events";

  export interface Middleware {
    use(fn: (ctx: unknown, next: () => Promise<unknown>) => unknown): void;
  }

  function middleware(options: { entity: EventEmitter }): Middleware;
  export = middleware;
}

declare module "@xmpp/iq/caller" {
  import type { EventEmitter } from "node:events";
  import type { Element } from "@xmpp/xml";
  import type { Middleware } from "@xmpp/middleware";

  export interface IqCaller {
    request(element: Element, timeout?: number): Promise<Element>;
  }

  function iqCaller(options: {
    entity: EventEmitter;
    middleware: Middleware;
  }): IqCaller;
  export = iqCaller;
}

declare module "@xmpp/client" {
  import type { EventEmitter } from "node:events";
  import type xml from "@xmpp/xml";
  import type { Element } from "@xmpp/xml";
  import type { JID } from "@xmpp/jid";

  export interface Client extends EventEmitter {
    jid: JID | null;
    socket: import("node:net").Socket | null;
    status: string;
    start(): Promise<JID>;
    stop(): Promise<void>;
    send(element: Element): Promise<void>;
    reconnect: { stop(): void };
    iqCaller: { request(element: Element, timeout?: number): Promise<Element> };
  }

  export function client(options: {
    service: string;
    domain: string;
    username?: string;
    password?: string;
    resource?: string;
  }): Client;
  export { xml };
}

declare module "ltx/lib/parse.js" {
  import type { Element } from "@xmpp/xml";

  function parse(text: string): Element;
  export = parse;
}
