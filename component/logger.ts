// The root pino logger. Every other module receives a child of it.
import pino, { type Logger, type DestinationStream } from "pino";

import { CENSOR, redactPaths } from "./privacy/redaction";

export type { Logger };

export function createLogger(
  level: string,
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service: "xmpp-telco-component" },
    redact: { paths: redactPaths, censor: CENSOR },
  };

  return destination ? pino(options, destination) : pino(options);
}
