// A writable stream that keeps every pino line written to it, raw and parsed,
// so that tests can assert on log fields (the way pino's own tests do).
import { Writable } from "node:stream";

export interface LogSink {
  stream: Writable;
  lines: Array<Record<string, unknown>>;
  text(): string;
}

export function logSink(): LogSink {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });

  return { stream, lines, text: () => raw.join("\n") };
}
