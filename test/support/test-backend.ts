// The telco backend an integration test runs against: the embedded demo
// backend, or with TEST_BACKEND=http the reference server, in this process,
// serving the same SQLite file over HTTP on loopback (BACKEND=http).
import { randomBytes } from "node:crypto";

import {
  openDemoBackend,
  type DemoBackend,
} from "../../component/backend/demo";
import { referenceHandler } from "../../component/backend/reference-server/server";
import type { Logger } from "../../component/logger";
import { listenOnLoopback } from "./http-server";

export type BackendMode = "demo" | "http";

export interface TestBackend {
  mode: BackendMode;
  /** The component's variables that choose and reach this backend. */
  env: Record<string, string>;
  /** The demo backend behind the reference server (http mode only). */
  demo?: DemoBackend;
  stop(): Promise<void>;
}

export function backendMode(): BackendMode {
  const mode = process.env.TEST_BACKEND ?? "demo";
  if (mode !== "demo" && mode !== "http")
    throw new Error(`TEST_BACKEND is "${mode}": it must be demo or http`);
  return mode;
}

export async function startTestBackend(
  dbPath: string,
  options: { delayMs?: number; log: Logger },
): Promise<TestBackend> {
  const delayMs = options.delayMs ?? 0;
  if (backendMode() === "demo") {
    const env = {
      DEMO_DB_PATH: dbPath,
      DEMO_BACKEND_DELAY_MS: String(delayMs),
    };
    return { mode: "demo", env, stop: async () => undefined };
  }

  const demo = openDemoBackend({ path: dbPath, delayMs });
  const token = randomBytes(16).toString("hex");
  const log = options.log.child({ part: "reference-backend" });
  const server = await listenOnLoopback(
    referenceHandler({ backend: demo, log, token }),
  );

  return {
    mode: "http",
    env: { BACKEND: "http", BACKEND_URL: server.url, BACKEND_TOKEN: token },
    demo,
    stop: async () => {
      await server.close();
      await demo.close();
    },
  };
}
