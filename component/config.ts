// Reads and checks the configuration from environment variables, once, at
// start. Every problem is reported together, each naming the variable to fix.
import type { Section } from "./cache/sections";
import {
  readHttpBackendConfig,
  type HttpBackendConfig,
} from "./backend/http/config";
import { redisUrlProblem } from "./session/redis-url";

export interface Config {
  xmppService: string;
  componentDomain: string;
  componentSecret: string;
  redisUrl: string;
  backend: (typeof BACKENDS)[number];
  /** Set when backend is "http" (docs/backend-http.md). */
  http?: HttpBackendConfig;
  demoDbPath: string;
  demoDelayMs: number;
  sessionTtlSeconds: number;
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  maxPayloadBytes: number;
  backendTimeoutMs: number;
  shutdownTimeoutMs: number;
  keepaliveIntervalMs: number;
  reconnectMaxDelayMs: number;
  logLevel: string;
  /** Freshness per dashboard section; 0 turns caching of that section off. */
  cacheTtlSeconds: Record<Section, number>;
  cacheStaleMaxSeconds: number;
  /** Where GET /metrics is served; no port means not served. */
  metricsHost: string;
  metricsPort?: number;
  /** How the component names itself in service discovery (XEP-0030). */
  serviceName: string;
  /** The local part of the bot address that disco#items offers. */
  botLocalpart: string;
  /** The language of all readable text: bodies, chat, forms, disco names. */
  replyLanguage: "it" | "en";
  /** Domains whose accounts are customers, logged in without a password. */
  trustedDomains: string[];
  adhocSessionTtlSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

export const LOG_LEVELS = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
];
const BACKENDS = ["demo", "http"] as const;
const DAY = 86_400;
const REPLY_LANGUAGES = ["it", "en"] as const;
const LOCALPART_PATTERN = /^[a-z0-9._-]{1,64}$/i;
const DOMAIN_PATTERN =
  /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const config: Config = {
    xmppService: read.url("XMPP_SERVICE", "xmpp://127.0.0.1:5347", ["xmpp:"]),
    componentDomain: read.domain("COMPONENT_DOMAIN", "telco.localhost"),
    componentSecret: read.required(
      "COMPONENT_SECRET",
      "the secret of the component in your XMPP server's configuration",
    ),
    redisUrl: read.redisUrl("REDIS_URL", "redis://127.0.0.1:6379"),
    backend: read.choice("BACKEND", "demo", BACKENDS),
    demoDbPath: read.text("DEMO_DB_PATH", "data/demo.sqlite"),
    demoDelayMs: read.integer("DEMO_BACKEND_DELAY_MS", 0, 0, 60_000),
    sessionTtlSeconds: read.integer(
      "SESSION_TTL_SECONDS",
      1800,
      30,
      30 * 86_400,
    ),
    loginMaxFailures: read.integer("LOGIN_MAX_FAILURES", 5, 1, 1000),
    loginLockoutSeconds: read.integer("LOGIN_LOCKOUT_SECONDS", 900, 1, 86_400),
    maxPayloadBytes: read.integer("MAX_PAYLOAD_BYTES", 65_536, 256, 400_000),
    backendTimeoutMs: read.integer("BACKEND_TIMEOUT_MS", 5000, 10, 120_000),
    shutdownTimeoutMs: read.integer("SHUTDOWN_TIMEOUT_MS", 10_000, 0, 300_000),
    keepaliveIntervalMs: read.integer(
      "KEEPALIVE_INTERVAL_MS",
      30_000,
      1000,
      3_600_000,
    ),
    reconnectMaxDelayMs: read.integer(
      "RECONNECT_MAX_DELAY_MS",
      60_000,
      1000,
      3_600_000,
    ),
    logLevel: read.choice("LOG_LEVEL", "info", LOG_LEVELS),
    cacheTtlSeconds: {
      lineInfo: read.integer("CACHE_TTL_LINE_INFO_SECONDS", 3600, 0, DAY),
      activeOptions: read.integer("CACHE_TTL_OPTIONS_SECONDS", 300, 0, DAY),
      activePromotions: read.integer(
        "CACHE_TTL_PROMOTIONS_SECONDS",
        300,
        0,
        DAY,
      ),
      activeServices: read.integer("CACHE_TTL_SERVICES_SECONDS", 300, 0, DAY),
      credit: read.integer("CACHE_TTL_CREDIT_SECONDS", 30, 0, DAY),
    },
    cacheStaleMaxSeconds: read.integer("CACHE_STALE_MAX_SECONDS", 600, 0, DAY),
    metricsHost: read.text("METRICS_HOST", "127.0.0.1"),
    metricsPort: read.optionalInteger("METRICS_PORT", 0, 65_535),
    serviceName: read.text("SERVICE_NAME", "Telco self-care").slice(0, 100),
    botLocalpart: read.localpart("BOT_LOCALPART", "buddy_channel"),
    replyLanguage: read.choice("REPLY_LANGUAGE", "it", REPLY_LANGUAGES),
    trustedDomains: read.domains("TRUSTED_DOMAINS"),
    adhocSessionTtlSeconds: read.integer("ADHOC_TTL_SECONDS", 600, 1, 86_400),
  };

  if (config.backend === "http") config.http = readHttpBackendConfig(read);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Reads one variable at a time, recording a problem instead of throwing. */
export class EnvReader {
  constructor(
    private readonly env: Env,
    readonly problems: string[],
  ) {}

  text(name: string, fallback: string): string {
    const value = this.env[name]?.trim();
    return value ? value : fallback;
  }

  required(name: string, meaning: string): string {
    const value = this.env[name];
    if (!value) this.problems.push(`${name} is missing: set it to ${meaning}`);
    return value ?? "";
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name, String(fallback));
    const value = Number(raw);

    if (!/^[0-9]+$/.test(raw) || value < min || value > max) {
      this.problems.push(
        `${name} is "${raw}": it must be a whole number from ${min} to ${max}`,
      );
      return fallback;
    }
    return value;
  }

  /** Unset means "not wanted"; 0 is a valid port number (any free one). */
  optionalInteger(name: string, min: number, max: number): number | undefined {
    if (!this.env[name]?.trim()) return undefined;
    return this.integer(name, min, min, max);
  }

  choice<T extends string>(
    name: string,
    fallback: T,
    choices: readonly T[],
  ): T {
    const value = this.text(name, fallback);
    if ((choices as readonly string[]).includes(value)) return value as T;

    this.problems.push(
      `${name} is "${value}": it must be one of ${choices.join(", ")}`,
    );
    return fallback;
  }

  url(name: string, fallback: string, protocols: string[]): string {
    const value = this.text(name, fallback);
    const parsed = URL.canParse(value) ? new URL(value) : undefined;
    if (parsed && protocols.includes(parsed.protocol) && parsed.hostname)
      return value;

    const example = `${protocols[0]}//127.0.0.1:${name === "REDIS_URL" ? 6379 : 5347}`;
    this.problems.push(
      `${name} is "${redactUrl(value)}": it must be a URL such as ${example}`,
    );
    return fallback;
  }

  /** One server, or a cluster's seed nodes (component/session/redis-url.ts). */
  redisUrl(name: string, fallback: string): string {
    const value = this.text(name, fallback);
    const problem = redisUrlProblem(value);
    if (!problem) return value;

    this.problems.push(`${name} is "${redactUrl(value)}": ${problem}`);
    return fallback;
  }

  domain(name: string, fallback: string): string {
    const value = this.text(name, fallback);
    if (DOMAIN_PATTERN.test(value) && value.length <= 253)
      return value.toLowerCase();

    this.problems.push(
      `${name} is "${value}": it must be a domain name such as telco.example.com`,
    );
    return fallback;
  }

  /** A comma-separated list of domain names; empty by default. */
  domains(name: string): string[] {
    const values = this.text(name, "")
      .split(",")
      .map((value) => value.trim().toLowerCase())
      .filter(Boolean);
    const wrong = values.filter(
      (value) => !DOMAIN_PATTERN.test(value) || value.length > 253,
    );
    if (wrong.length === 0) return values;

    this.problems.push(
      `${name} has "${wrong.join(", ")}": it must list domain names separated by commas, such as example.com,staff.example.com`,
    );
    return [];
  }

  localpart(name: string, fallback: string): string {
    const value = this.text(name, fallback);
    if (LOCALPART_PATTERN.test(value)) return value.toLowerCase();

    this.problems.push(
      `${name} is "${value}": it must be letters, digits, dots, dashes or underscores, such as buddy_channel`,
    );
    return fallback;
  }
}

/** A Redis URL may carry a password: never repeat it. */
export function redactUrl(value: string): string {
  return value.replace(/\/\/[^@/]*@/, "//***@");
}
