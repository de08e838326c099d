// The reference server's settings, from the environment, checked the way the
// component's are: every problem reported at once, naming its variable.
import { ConfigError, EnvReader, LOG_LEVELS } from "../../config";
import { readBackendAuth } from "../http/config";

export interface ReferenceConfig {
  host: string;
  port: number;
  dbPath: string;
  delayMs: number;
  token?: string;
  authHeader: string;
  logLevel: string;
}

type Env = Record<string, string | undefined>;

export function loadReferenceConfig(env: Env = process.env): ReferenceConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  // The same token variables as the component's, so one shell serves both.
  const auth = readBackendAuth(read);

  const config: ReferenceConfig = {
    host: read.text("BACKEND_HOST", "127.0.0.1"),
    port: read.integer("BACKEND_PORT", 8080, 0, 65_535),
    dbPath: read.text("DEMO_DB_PATH", "data/demo.sqlite"),
    delayMs: read.integer("DEMO_BACKEND_DELAY_MS", 0, 0, 60_000),
    token: auth.token,
    authHeader: auth.authHeader,
    logLevel: read.choice("LOG_LEVEL", "info", LOG_LEVELS),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
