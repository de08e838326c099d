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
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PROSODY_CONFIG = resolve(
  __dirname,
  "..",
  "..",
  "prosody",
  "prosody.cfg.lua",
);
const SEARCH_PATH = [
  "/usr/sbin",
  "/usr/bin",
  "/usr/local/bin",
  ...(process.env.PATH ?? "").split(":"),
];
const children = new Set<ChildProcess>();

process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

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
  register(user: string, password: string): void;
}

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

export function findBinary(name: string): string {
  const found = SEARCH_PATH.map((dir) => join(dir, name)).find((path) =>
    existsSync(path),
  );
  if (!found)
    throw new Error(
      `${name} not found: install it (scripts/setup.sh does) or put it on PATH`,
    );
  return found;
}

export async function startRedis(
  options: { port?: number } = {},
): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "telco-redis-"));
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
  ];

  const child = launch(findBinary("redis-server"), args, dir, process.env);
  await waitForPort(port, child, dir);

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => terminate(child, dir),
  };
}

export async function startProsody(options: {
  componentDomain: string;
  componentSecret: string;
}): Promise<ProsodyServer> {
  const [c2sPort, componentPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), "telco-prosody-"));
  mkdirSync(join(dir, "certs"));
  const env = {
    ...process.env,
    PROSODY_DATA_DIR: dir,
    PROSODY_C2S_PORT: String(c2sPort),
    PROSODY_COMPONENT_PORT: String(componentPort),
    COMPONENT_DOMAIN: options.componentDomain,
    COMPONENT_SECRET: options.componentSecret,
  };

  const child = launch(
    findBinary("prosody"),
    ["--config", PROSODY_CONFIG, "-F"],
    dir,
    env,
  );
  await waitForPort(c2sPort, child, dir);
  await waitForPort(componentPort, child, dir);

  return {
    c2sPort,
    componentPort,
    domain: "localhost",
    ...options,
    register: (user, password) => registerProsodyUser(env, user, password),
    stop: () => terminate(child, dir),
  };
}

function registerProsodyUser(
  env: NodeJS.ProcessEnv,
  user: string,
  password: string,
): void {
  const args = [
    "--config",
    PROSODY_CONFIG,
    "register",
    user,
    "localhost",
    password,
  ];
  const result = spawnSync(findBinary("prosodyctl"), args, {
    env,
    encoding: "utf8",
    timeout: 15_000,
  });
  if (result.status !== 0)
    throw new Error(
      `prosodyctl register ${user} failed: ${result.stdout}${result.stderr}`,
    );
}

function launch(
  binary: string,
  args: string[],
  dir: string,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const log = openSync(join(dir, "server.log"), "a");
  const child = spawn(binary, args, { env, stdio: ["ignore", log, log] });
  closeSync(log);

  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

async function waitForPort(
  port: number,
  child: ChildProcess,
  dir: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await accepts(port)) return;
    await new Promise((done) => setTimeout(done, 100));
  }

  child.kill("SIGKILL");
  throw new Error(
    `server did not listen on ${port}; its last lines:\n${tail(join(dir, "server.log"))}`,
  );
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

async function terminate(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

function tail(path: string): string {
  return existsSync(path)
    ? readFileSync(path, "utf8").split("\n").slice(-20).join("\n")
    : "(no log)";
}
