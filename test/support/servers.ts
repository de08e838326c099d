// Starts private Redis and Prosody servers on free loopback ports, from the
// repo's own prosody/ configuration, for the integration suite and the
// benchmark. Every process is killed on stop, or when this process exits.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const PROSODY_CONFIG = findUp("prosody/prosody.cfg.lua");
const SEARCH_PATH = [
  ...(process.env.PATH ?? "").split(":").filter(Boolean),
  "/usr/sbin",
  "/usr/bin",
];
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const LOG_TAIL_LINES = 20;

/** The repo's file at `path`, found from here or from a compiled copy in dist/. */
function findUp(path: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, path))) return join(dir, path);
    if (dirname(dir) === dir)
      throw new Error(`${path} not found above ${__dirname}`);
  }
}

export interface Stoppable {
  stop(): Promise<void>;
}

export interface RedisServer extends Stoppable {
  url: string;
  port: number;
}

export interface ProsodyServer extends Stoppable {
  c2sPort: number;
  componentPort: number;
  domain: string;
  componentDomain: string;
  componentSecret: string;
  /** The server's own log, for tests that check what an admin would read. */
  logFile: string;
  register(user: string, password: string): void;
}

export interface Launched extends Stoppable {
  name: string;
  child: ChildProcess;
  dir: string;
}

// The safety net: a crashed or interrupted run must not leave servers or
// their temp dirs behind. A signal is raised again only when nobody else
// listens, so that the process still dies of it as it would have otherwise.
const live = new Map<ChildProcess, string>();
const groups = new WeakSet<ChildProcess>();
function killAll(): void {
  for (const [child, dir] of live) {
    signal(child, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}
process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.once(signal, () => {
    killAll();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Distinct ports: two quick calls to freePort() may return the same one. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export function findBinary(name: string): string {
  const found = SEARCH_PATH.map((dir) => join(dir, name)).find(existsSync);
  if (!found)
    throw new Error(
      `${name} not found on PATH, /usr/sbin or /usr/bin: scripts/setup.sh installs it`,
    );
  return found;
}

export async function startRedis(
  options: { port?: number; args?: string[] } = {},
): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "telco-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1"];
  args.push("--save", "", "--appendonly", "no", "--daemonize", "no");
  args.push("--dir", dir, ...(options.args ?? []));

  const server = launch("redis-server", args, dir, process.env);
  // The log line tells our server from another one already on that port.
  const ready = async () =>
    logHas(server, "Ready to accept connections") && (await answersPing(port));
  await waitUntil(server, ready);

  return { url: `redis://127.0.0.1:${port}`, port, stop: server.stop };
}

export async function startProsody(options: {
  componentDomain: string;
  componentSecret: string;
}): Promise<ProsodyServer> {
  const [c2sPort, componentPort] = await freePorts(2);
  const dir = mkdtempSync(join(tmpdir(), "telco-prosody-"));
  mkdirSync(join(dir, "certs"));
  const env = prosodyEnv(dir, c2sPort, componentPort, options);

  const args = ["--config", PROSODY_CONFIG, "-F"];
  const server = launch("prosody", args, dir, env);
  await waitUntil(server, () => listens(server, [c2sPort, componentPort]));

  return {
    c2sPort,
    componentPort,
    domain: "localhost",
    ...options,
    logFile: logPath(server),
    register: (user, password) => register(env, user, password),
    stop: server.stop,
  };
}

function prosodyEnv(
  dir: string,
  c2sPort: number,
  componentPort: number,
  options: { componentDomain: string; componentSecret: string },
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PROSODY_INTERFACE: "127.0.0.1",
    PROSODY_DATA_DIR: dir,
    PROSODY_PID_FILE: join(dir, "prosody.pid"),
    PROSODY_C2S_PORT: String(c2sPort),
    PROSODY_COMPONENT_PORT: String(componentPort),
    COMPONENT_DOMAIN: options.componentDomain,
    COMPONENT_SECRET: options.componentSecret,
  };
}

// prosodyctl writes the account straight into the data dir: it needs the
// same config and environment as the running server, not a connection.
function register(env: NodeJS.ProcessEnv, user: string, password: string) {
  const args = ["--config", PROSODY_CONFIG, "register", user, "localhost"];
  const result = spawnSync(findBinary("prosodyctl"), [...args, password], {
    env,
    encoding: "utf8",
    timeout: 15_000,
  });
  if (result.status !== 0)
    throw new Error(
      `prosodyctl register ${user} failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}`,
    );
}

/**
 * Starts a server with its output in `<dir>/<name>.log`. A `group` is for a
 * wrapper script (ejabberdctl runs erl as its child): the script leads a
 * process group of its own, and signals go to the whole group.
 */
export function launch(
  name: string,
  args: string[],
  dir: string,
  env: NodeJS.ProcessEnv,
  options: { group?: boolean } = {},
): Launched {
  const log = openSync(join(dir, `${name}.log`), "a");
  const child = spawn(findBinary(name), args, {
    env,
    stdio: ["ignore", log, log],
    detached: options.group === true,
  });
  closeSync(log);
  if (options.group) groups.add(child);

  live.set(child, dir);
  child.once("exit", () => live.delete(child));
  child.on("error", () => undefined); // seen as an exit by waitUntil
  return { name, child, dir, stop: () => terminate(child, dir) };
}

export async function waitUntil(
  server: Launched,
  ready: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;

  while (Date.now() < deadline && running(server.child)) {
    if (await ready()) return;
    await new Promise((done) => setTimeout(done, 100));
  }

  const why = running(server.child) ? "did not get ready in time" : "exited";
  signal(server.child, "SIGKILL");
  const lines = tail(logPath(server));
  await server.stop();
  throw new Error(
    `${server.name} ${why}; the last lines of its log:\n${lines}`,
  );
}

function running(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && !child.killed;
}

/** Prosody runs on when it cannot bind a port: its log tells which it holds. */
async function listens(server: Launched, ports: number[]): Promise<boolean> {
  for (const port of ports) {
    if (!logHas(server, `on [127.0.0.1]:${port}`)) return false;
    if (!(await accepts(port))) return false;
  }
  return true;
}

export function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

/** Redis accepts connections before it can serve them (while loading). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.setTimeout(1000, () => socket.destroy());
    socket.once("data", (data) => {
      socket.destroy();
      done(data.toString().startsWith("+PONG"));
    });
    socket.once("close", () => done(false));
    socket.once("error", () => done(false));
  });
}

async function terminate(child: ChildProcess, dir: string): Promise<void> {
  const started = child.pid !== undefined;
  if (started && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once("exit", done));
    signal(child, "SIGTERM");
    const timer = setTimeout(() => signal(child, "SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  if (groups.has(child)) await groupGone(child);
  rmSync(dir, { recursive: true, force: true });
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (!groups.has(child) || child.pid === undefined) {
    child.kill(name);
    return;
  }
  try {
    process.kill(-child.pid, name);
  } catch {
    // the group has already gone
  }
}

/** The group's leader may exit before its children have: wait for them too. */
async function groupGone(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  const alive = () => {
    try {
      process.kill(-(child.pid as number), 0);
      return true;
    } catch {
      return false;
    }
  };

  while (alive() && Date.now() < deadline)
    await new Promise((done) => setTimeout(done, 100));
  if (alive()) signal(child, "SIGKILL");
}

export function logPath(server: Launched): string {
  return join(server.dir, `${server.name}.log`);
}

export function logHas(server: Launched, text: string): boolean {
  return readFileSync(logPath(server), "utf8").includes(text);
}

export function tail(path: string): string {
  if (!existsSync(path)) return "(no log)";
  const lines = readFileSync(path, "utf8").trimEnd().split("\n");
  return lines.slice(-LOG_TAIL_LINES).join("\n");
}
