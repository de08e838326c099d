// `npm run backend`: the reference telco backend, serving the demo data
// (DEMO_DB_PATH) through the contract on BACKEND_HOST:BACKEND_PORT.
import { once } from "node:events";

import { ConfigError } from "../../config";
import { createLogger } from "../../logger";
import { openDemoBackend } from "../demo/demo-backend";
import { loadReferenceConfig, type ReferenceConfig } from "./config";
import { createReferenceServer } from "./server";

// sysexits(3) EX_CONFIG, as the component's own main.
const EXIT_CONFIG = 78;

function readConfig(): ReferenceConfig {
  try {
    return loadReferenceConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`telco reference backend: ${err.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel).child({
    part: "reference-backend",
  });
  const backend = openDemoBackend({
    path: config.dbPath,
    delayMs: config.delayMs,
  });
  const server = createReferenceServer({
    backend,
    log,
    token: config.token,
    authHeader: config.authHeader,
  });

  server.listen(config.port, config.host);
  await once(server, "listening");
  const address = server.address() as { port: number };
  log.info(
    {
      url: `http://${config.host}:${address.port}`,
      auth: Boolean(config.token),
    },
    "reference telco backend listening: point BACKEND_URL here",
  );

  const stop = () => {
    server.close(() => backend.close().then(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

void main();
