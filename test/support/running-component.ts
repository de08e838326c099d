// Starts the real component in this process against the test servers, with
// its log lines captured so that tests can assert on them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createApp, type App } from "../../component/app";
import { openDemoBackend } from "../../component/backend/demo/demo-backend";
import type { TelcoBackend } from "../../component/backend/telco-backend";
import { loadConfig, type Config } from "../../component/config";
import { createLogger } from "../../component/logger";
import { testEnv } from "./env";
import { logSink } from "./log-sink";

export interface RunningComponent {
  app: App;
  config: Config;
  /** Every log line written so far, parsed. */
  logLines: Array<Record<string, unknown>>;
  logText(): string;
  stop(): Promise<void>;
}

export async function startComponent(
  overrides: Record<string, string> = {},
  options: {
    waitOnline?: boolean;
    /** Stands between the component and its demo backend (fault injection). */
    wrapBackend?: (demo: TelcoBackend) => TelcoBackend;
  } = {},
): Promise<RunningComponent> {
  const env = testEnv();
  const dataDir = mkdtempSync(join(tmpdir(), "telco-component-"));
  const config = loadConfig({
    XMPP_SERVICE: env.componentService,
    COMPONENT_DOMAIN: env.componentDomain,
    COMPONENT_SECRET: env.componentSecret,
    REDIS_URL: env.redisUrl,
    DEMO_DB_PATH: join(dataDir, "demo.sqlite"),
    LOG_LEVEL: "debug",
    ...overrides,
  });

  const sink = logSink();
  const backend = options.wrapBackend?.(
    openDemoBackend({ path: config.demoDbPath, delayMs: config.demoDelayMs }),
  );
  const app = createApp(
    config,
    createLogger(config.logLevel, sink.stream),
    backend,
  );
  await app.start();
  if (options.waitOnline !== false) await app.connection.whenOnline();

  return {
    app,
    config,
    logLines: sink.lines,
    logText: sink.text,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
