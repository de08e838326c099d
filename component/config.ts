// Reads and checks the configuration from environment variables, once, at
// start. Every problem is reported together, each naming the variable to fix.
import { redisUrlProblem } from "./session/redis-url";

export interface Config {
  xmppService: string;
  componentDomain: string;
  componentSecret: string;
  redisUrl: string;
  backend: "demo";
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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
];
const BACKENDS = ["demo"] as const;
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
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Reads one variable at a time, recording a problem instead of throwing. */
class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
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
}

/** A Redis URL may carry a password: never repeat it. */
export function redactUrl(value: string): string {
  return value.replace(/\/\/[^@/]*@/, "//***@");
}
