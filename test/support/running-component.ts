// Starts the real component in this process against the test servers, with
// its log lines captured so that tests can assert on them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createApp, type App } from "../../component/app";
import { createBackend } from "../../component/backend/create-backend";
import type { TelcoBackend } from "../../component/backend/telco-backend";
import { loadConfig, type Config } from "../../component/config";
import { createLogger } from "../../component/logger";
import { testEnv } from "./env";
import { logSink } from "./log-sink";
import { deleteRedisKeys } from "./redis";
import { startTestBackend, type TestBackend } from "./test-backend";

export interface RunningComponent {
  app: App;
  config: Config;
  /** Every log line written so far, parsed. */
  logLines: Array<Record<string, unknown>>;
  logText(): string;
  /** What answers the component's backend calls (TEST_BACKEND). */
  backend?: TestBackend;
  stop(): Promise<void>;
}

export async function startComponent(
  overrides: Record<string, string> = {},
  options: {
    waitOnline?: boolean;
    /** Stands between the component and its backend (fault injection). */
    wrapBackend?: (demo: TelcoBackend) => TelcoBackend;
  } = {},
): Promise<RunningComponent> {
  const env = testEnv();
  const dataDir = mkdtempSync(join(tmpdir(), "telco-component-"));
  const sink = logSink();
  const log = createLogger(overrides.LOG_LEVEL ?? "debug", sink.stream);
  // A test that sets BACKEND brings its own backend (a faulty one, say).
  const backend = overrides.BACKEND
    ? undefined
    : await startTestBackend(join(dataDir, "demo.sqlite"), {
        delayMs: Number(overrides.DEMO_BACKEND_DELAY_MS ?? 0),
        log,
      });
  const config = loadConfig({
    XMPP_SERVICE: env.componentService,
    COMPONENT_DOMAIN: env.componentDomain,
    COMPONENT_SECRET: env.componentSecret,
    REDIS_URL: env.redisUrl,
    DEMO_DB_PATH: join(dataDir, "demo.sqlite"),
    LOG_LEVEL: "debug",
    ...backend?.env,
    ...overrides,
  });

  await forgetCachedLines(config.redisUrl);
  // Fault injection wraps the backend the configuration names.
  const wrapped = options.wrapBackend?.(createBackend(config, log));
  const app = createApp(config, log, wrapped);
  await app.start();
  if (options.waitOnline !== false) await app.connection.whenOnline();

  return {
    app,
    config,
    logLines: sink.lines,
    logText: sink.text,
    backend,
    stop: async () => {
      await app.stop();
      await backend?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Each component starts on fresh demo data, so what an earlier one cached
 * in the shared test Redis would be another backend's truth: it goes.
 */
async function forgetCachedLines(redisUrl: string): Promise<void> {
  // A test that starts the component without a Redis has nothing cached.
  await deleteRedisKeys(redisUrl, "telco:cache:*").catch(() => undefined);
}
