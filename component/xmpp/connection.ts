// The link to the XMPP server as an external component (XEP-0114), with what
// @xmpp/component 0.13 lacks: reconnection with backoff, a keepalive that
// notices a half-open socket, a queue while offline, and a clean stop.
//
// It is built from @xmpp/component's parts rather than its factory: the
// factory adds an IQ callee that answers every IQ by itself. Here every
// incoming stanza, IQs included, goes out as a "stanza" event to the
// dispatcher, the one place that answers; the IQ caller only matches the
// answers to our own keepalive pings.
import { EventEmitter, once } from "node:events";

import { Component } from "@xmpp/component-core";
import iqCaller, { type IqCaller } from "@xmpp/iq/caller";
import middleware from "@xmpp/middleware";
import xml, { type Element } from "@xmpp/xml";

import type { Logger } from "../logger";
import { NS_PING } from "../protocol/namespaces";
import { Backoff } from "./backoff";
import { classifyFailure, type LinkFailure } from "./failure";
import type { LinkLease } from "./link-lease";
import { Outbox } from "./outbox";

export interface ConnectionOptions {
  service: string;
  domain: string;
  secret: string;
  keepaliveIntervalMs: number;
  reconnectMaxDelayMs: number;
  log: Logger;
  outboxCapacity?: number;
  /** Tells a standby when the active instance leaves; without it, a standby only knocks. */
  lease?: LinkLease;
}

// Prosody refuses a second connection for a domain, and logs an error each
// time: a standby knocks this often at first, then less and less often, and
// relies on the lease to learn at once that the active instance has left.
const STANDBY_RETRY_MS = 3000;
const CLOSE_TIMEOUT_MS = 2000;

export class ComponentConnection extends EventEmitter {
  readonly entity: Component;
  private readonly iqCaller: IqCaller;
  private readonly backoff: Backoff;
  private readonly standbyBackoff: Backoff;
  private leaseWatch: AbortController | undefined;
  private holderLeft = false;
  private readonly outbox: Outbox;
  private readonly log: Logger;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private lastError: unknown;
  private lastFailureKind: string | undefined;
  private stopping = false;
  private everOnline = false;

  constructor(private readonly options: ConnectionOptions) {
    super();
    this.log = options.log;
    this.backoff = new Backoff({
      initialMs: 1000,
      maxMs: options.reconnectMaxDelayMs,
    });
    this.standbyBackoff = new Backoff({
      initialMs: STANDBY_RETRY_MS,
      maxMs: Math.max(STANDBY_RETRY_MS, options.reconnectMaxDelayMs),
    });
    this.outbox = new Outbox(options.outboxCapacity ?? 10_000);

    this.entity = new Component({
      service: options.service,
      domain: options.domain,
    });
    this.iqCaller = iqCaller({
      entity: this.entity,
      middleware: middleware({ entity: this.entity }),
    });

    this.entity.on("open", (header: Element) => this.authenticate(header));
    this.entity.on("online", () => this.onOnline());
    this.entity.on("disconnect", () => this.onDisconnect());
    this.entity.on("error", (err: unknown) => this.remember(err));
    this.entity.on("stanza", (stanza: Element) => this.emit("stanza", stanza));
  }

  get online(): boolean {
    return this.entity.status === "online";
  }

  start(): void {
    this.stopping = false;
    this.log.info(
      { service: this.options.service, domain: this.options.domain },
      "connecting to the XMPP server",
    );
    void this.attempt();
  }

  /** Resolves at the next (or current) successful connection. */
  async whenOnline(): Promise<void> {
    if (!this.online) await once(this, "online");
  }

  /** Sends now, or as soon as the link is back; resolves once written. */
  send(stanza: Element): Promise<void> {
    const written = this.outbox.post(stanza);
    if (this.online) void this.flush();
    return written;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.reconnectTimer);
    this.stopKeepalive();
    this.stopWatchingLease();

    if (this.online) await this.flush();
    this.outbox.discard("the component is stopping");

    if (
      this.entity.status !== "offline" &&
      this.entity.status !== "disconnect"
    ) {
      await Promise.race([
        this.entity.stop().catch(() => undefined),
        delay(CLOSE_TIMEOUT_MS),
      ]);
    }
    this.entity.socket?.destroy();
    // Only now that the server has seen us go: a standby knocks at once.
    await this.options.lease?.release();
  }

  private async attempt(): Promise<void> {
    if (this.stopping) return;

    try {
      await this.entity.connect(this.options.service);
      await this.entity.open({ domain: this.options.domain });
    } catch (err) {
      this.remember(err);
      // A socket that connected but never answered must be closed by hand.
      if (this.entity.socket) this.entity.socket.destroy();
      else this.scheduleReconnect();
    }
  }

  /** XEP-0114 §3: the handshake answers the stream header the server sent. */
  private authenticate(header: Element): void {
    this.entity
      .authenticate(header.attrs.id ?? "", this.options.secret)
      .catch((err: unknown) => this.entity.emit("error", err));
  }

  private onOnline(): void {
    this.entity.socket?.setNoDelay(true);
    const attempts = this.backoff.attempts;

    this.backoff.reset();
    this.standbyBackoff.reset();
    this.stopWatchingLease();
    this.options.lease?.hold();
    this.lastError = undefined;
    this.lastFailureKind = undefined;
    this.startKeepalive();

    const message = this.everOnline
      ? "reconnected to the XMPP server"
      : "connected to the XMPP server";
    this.log.info(
      { domain: this.options.domain, attempts },
      `${message}: component online`,
    );
    this.everOnline = true;

    this.emit("online");
    void this.flush();
  }

  private onDisconnect(): void {
    this.stopKeepalive();
    if (this.stopping) return;

    void this.options.lease?.release();

    this.emit("offline");
    this.scheduleReconnect();
  }

  /** Keeps the most telling error of an attempt: a stream condition beats a generic one. */
  private remember(err: unknown): void {
    const hasCondition = (e: unknown) =>
      typeof (e as { condition?: unknown })?.condition === "string";
    if (!hasCondition(this.lastError) || hasCondition(err))
      this.lastError = err;
  }

  private scheduleReconnect(): void {
    if (this.stopping || this.reconnectTimer) return;

    const failure = this.lastError
      ? classifyFailure(
          this.lastError,
          this.options.service,
          this.options.domain,
        )
      : { kind: "other" as const, advice: "the XMPP server closed the link" };
    const standingBy = failure.kind === "conflict";
    const backoff = standingBy ? this.standbyBackoff : this.backoff;
    // The holder left while this attempt was under way: try again at once.
    const wait = standingBy && this.holderLeft ? 0 : backoff.next();
    this.holderLeft = false;

    this.report(failure, wait, backoff.attempts);
    this.lastError = undefined;
    this.reconnectTimer = setTimeout(() => this.retryNow(), wait);
    if (standingBy) this.watchLease();
  }

  private retryNow(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    void this.attempt();
  }

  /** While standing by, one watch throughout: knock as soon as the holder lets go. */
  private watchLease(): void {
    const lease = this.options.lease;
    if (!lease || this.leaseWatch) return;

    const watch = new AbortController();
    this.leaseWatch = watch;
    void lease.watch(watch.signal, () => this.onHolderLeft());
  }

  private onHolderLeft(): void {
    if (this.stopping || this.online) return;

    this.log.info("the active instance has left: taking over");
    if (this.reconnectTimer) this.retryNow();
    else this.holderLeft = true;
  }

  private stopWatchingLease(): void {
    this.leaseWatch?.abort();
    this.leaseWatch = undefined;
    this.holderLeft = false;
  }

  /** One line per change of state; repeats of the same failure only at debug. */
  private report(failure: LinkFailure, wait: number, attempt: number): void {
    const fields = { service: this.options.service, retryInMs: wait, attempt };
    const repeated = failure.kind === this.lastFailureKind;
    this.lastFailureKind = failure.kind;

    if (repeated) this.log.debug(fields, failure.advice);
    else if (failure.kind === "auth") this.log.error(fields, failure.advice);
    else this.log.warn(fields, failure.advice);
  }

  private async flush(): Promise<void> {
    try {
      await this.outbox.pump((stanzas) => this.write(stanzas));
    } catch (err) {
      this.log.warn(
        { err, waiting: this.outbox.size },
        "could not write to the XMPP server: replies wait for the link to come back",
      );
    }
  }

  /** Corked, so that a batch leaves in one system call, not one per stanza. */
  private async write(stanzas: Element[]): Promise<void> {
    const socket = this.entity.socket;
    if (!this.online || !socket)
      throw new Error("the link to the XMPP server is down");

    if (socket.writableNeedDrain) await once(socket, "drain");
    socket.cork();
    const writes = stanzas.map((stanza) => this.entity.send(stanza));
    socket.uncork();
    await Promise.all(writes);
  }

  private startKeepalive(): void {
    this.stopKeepalive();
    this.keepaliveTimer = setInterval(
      () => void this.keepalive(),
      this.options.keepaliveIntervalMs,
    );
    this.keepaliveTimer.unref();
  }

  private stopKeepalive(): void {
    clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = undefined;
  }

  /**
   * A ping to our own domain travels through the server and back to us,
   * where the dispatcher answers it. Any answer, even a stanza error, proves
   * that the link carries traffic both ways.
   */
  private async keepalive(): Promise<void> {
    const ping = xml(
      "iq",
      { type: "get", to: this.options.domain },
      xml("ping", { xmlns: NS_PING }),
    );
    const timeout = Math.min(this.options.keepaliveIntervalMs, 10_000);

    try {
      await this.iqCaller.request(ping, timeout);
    } catch (err) {
      if (!this.online || this.stopping || isStanzaError(err)) return;
      this.log.warn(
        { err },
        `the XMPP server did not answer a keepalive within ${timeout} ms: reconnecting`,
      );
      this.entity.socket?.destroy();
    }
  }
}

function isStanzaError(err: unknown): boolean {
  return (err as { name?: unknown })?.name === "StanzaError";
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
