// Entry point: reads the configuration, starts the component, and stops it
// cleanly on SIGTERM or SIGINT.
import { ConfigError, loadConfig, type Config } from "./config";
import { createApp } from "./app";
import { createLogger } from "./logger";

// sysexits(3) EX_CONFIG: tells a supervisor that restarting will not help.
const EXIT_CONFIG = 78;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`xmpp-telco-component: ${err.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const app = createApp(config, log);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "signal received");
    app.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, "unclean stop");
        process.exit(1);
      },
    );
  };

  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("unhandledRejection", (err) =>
    log.error({ err }, "unhandled rejection: a bug, please report it"),
  );

  await app.start();
}

void main();
