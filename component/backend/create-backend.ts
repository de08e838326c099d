// Chooses the telco backend the configuration names (BACKEND): the embedded
// demo on SQLite, or an operator's own systems over HTTP.
import type { Config } from "../config";
import type { Logger } from "../logger";
import { openDemoBackend } from "./demo/demo-backend";
import { HttpBackend } from "./http";
import type { TelcoBackend } from "./telco-backend";

export function createBackend(config: Config, log: Logger): TelcoBackend {
  if (config.backend === "http" && config.http) {
    return new HttpBackend({
      config: config.http,
      budgetMs: config.backendTimeoutMs,
      log: log.child({ part: "backend" }),
    });
  }

  return openDemoBackend({
    path: config.demoDbPath,
    delayMs: config.demoDelayMs,
  });
}
