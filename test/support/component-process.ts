// Runs the component as an admin does, `node dist/component/main.js`, in a
// child process against the test servers, so that a scale-out test can kill
// an instance for real. Its JSON log lines are kept, parsed, for assertions.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

import { testEnv } from "./env";

const MAIN = resolve(__dirname, "..", "..", "dist", "component", "main.js");
const STOP_TIMEOUT_MS = 15_000;

export type LogLine = Record<string, unknown> & { msg?: string; time?: number };

// A test that fails half-way must not leave instances connected to the
// server the next test file uses.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export class ComponentProcess {
  readonly lines: LogLine[] = [];
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private readonly waiters = new Set<() => void>();
  private partial = "";

  constructor(
    readonly name: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, ...componentEnv(), ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    running.add(this.child);
    // "close" comes after the last log line has been read, unlike "exit".
    this.exited = new Promise((done) =>
      this.child.once("close", () => {
        running.delete(this.child);
        done();
      }),
    );
    this.child.stdout!.on("data", (chunk: Buffer) => this.read(chunk));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The first log line matching, now or once it is written. */
  waitForLog(pattern: RegExp, timeoutMs = 20_000): Promise<LogLine> {
    return new Promise((done, fail) => {
      const check = () => {
        const line = this.lines.find((l) => pattern.test(String(l.msg)));
        if (!line) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        done(line);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        fail(
          new Error(
            `${this.name}: no log line ${pattern} within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);

      this.waiters.add(check);
      check();
    });
  }

  linesMatching(pattern: RegExp): LogLine[] {
    return this.lines.filter((line) => pattern.test(String(line.msg)));
  }

  /** Stanza ids of the requests this instance answered. */
  answeredIds(): string[] {
    return this.linesMatching(/^request answered$/).map((l) =>
      String(l.stanzaId),
    );
  }

  /** A real crash: SIGKILL, no goodbye to the XMPP server. */
  async kill(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.exited;
  }

  /** A clean stop, as a supervisor does it: SIGTERM, then wait. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;

    const timer = setTimeout(() => this.child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    this.child.kill("SIGTERM");
    await this.exited;
    clearTimeout(timer);
  }

  private read(chunk: Buffer): void {
    const text = this.partial + chunk.toString();
    const complete = text.split("\n");
    this.partial = complete.pop() ?? "";

    for (const line of complete.filter(Boolean))
      this.lines.push(JSON.parse(line));
    for (const wake of this.waiters) wake();
  }
}

function componentEnv(): Record<string, string> {
  const env = testEnv();
  return {
    XMPP_SERVICE: env.componentService,
    COMPONENT_DOMAIN: env.componentDomain,
    COMPONENT_SECRET: env.componentSecret,
    REDIS_URL: env.redisUrl,
    LOG_LEVEL: "debug",
  };
}
