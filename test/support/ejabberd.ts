// Starts a private ejabberd 23.01 on free loopback ports from the repo's own
// ejabberd/ejabberd.yml, for the suite run with TEST_XMPP_SERVER=ejabberd.
// Everything lives in one temp dir: a wrapper config that defines the macros
// ejabberd.yml uses, a ctl config, the Mnesia spool and the logs.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import {
  accepts,
  findBinary,
  freePorts,
  launch,
  logHas,
  logPath,
  waitUntil,
  type Launched,
} from "./servers";
import type { XmppServer } from "./xmpp-server";

const EJABBERD_CONFIG = resolve(__dirname, "../../ejabberd/ejabberd.yml");
const NODE = "telco@localhost";
const CTL_TIMEOUT_MS = 30_000;

interface Layout {
  dir: string;
  configDir: string;
  c2sPort: number;
  componentPort: number;
  distPort: number;
}

export async function startEjabberd(options: {
  componentDomain: string;
  componentSecret: string;
}): Promise<XmppServer> {
  const [c2sPort, componentPort, distPort] = await freePorts(3);
  const dir = mkdtempSync(join(tmpdir(), "telco-ejabberd-"));
  const layout = {
    dir,
    configDir: join(dir, "conf"),
    c2sPort,
    componentPort,
    distPort,
  };
  writeConfig(layout, options);

  const ctl = ctlArgs(layout);
  const server = launch(
    "ejabberdctl",
    [...ctl, "foreground"],
    dir,
    process.env,
    {
      group: true,
    },
  );
  await waitUntil(server, () => listens(server, [c2sPort, componentPort]));

  return {
    name: "ejabberd",
    c2sPort,
    componentPort,
    domain: "localhost",
    ...options,
    logFile: logPath(server),
    register: (user, password) =>
      ctlCall(ctl, ["register", user, "localhost", password]),
    stop: server.stop,
  };
}

/**
 * The ctl config keeps ejabberdctl as the current user (run as root it would
 * switch to the ejabberd user), and Erlang distribution on one loopback port
 * of our own, without epmd, behind a cookie nobody else knows.
 */
function writeConfig(
  layout: Layout,
  options: { componentDomain: string; componentSecret: string },
): void {
  mkdirSync(layout.configDir);
  mkdirSync(join(layout.dir, "spool"));
  mkdirSync(join(layout.dir, "logs"));

  const macros = {
    LISTEN_IP: "127.0.0.1",
    C2S_PORT: layout.c2sPort,
    COMPONENT_PORT: layout.componentPort,
    COMPONENT_HOSTS: {
      [options.componentDomain]: { password: options.componentSecret },
    },
  };
  // JSON is YAML: every value arrives quoted as it should be.
  const wrapper = [
    `define_macro: ${JSON.stringify(macros)}`,
    `include_config_file: ${JSON.stringify(EJABBERD_CONFIG)}`,
  ];
  writeFileSync(
    join(layout.configDir, "ejabberd.yml"),
    wrapper.join("\n") + "\n",
  );

  const cookie = randomBytes(16).toString("hex");
  const ctlConfig = [
    "EXEC_CMD=as_current_user",
    `ERL_DIST_PORT=${layout.distPort}`,
    "INET_DIST_INTERFACE=127.0.0.1",
    `ERL_OPTIONS="-setcookie ${cookie} -env ERL_CRASH_DUMP_BYTES 0"`,
  ];
  writeFileSync(
    join(layout.configDir, "ejabberdctl.cfg"),
    ctlConfig.join("\n") + "\n",
  );
  // An empty inetrc spares an error line on every ctl call.
  writeFileSync(join(layout.configDir, "inetrc"), "");
}

/** The same options on every call: ejabberdctl has no state of its own. */
function ctlArgs(layout: Layout): string[] {
  const { dir, configDir } = layout;
  return [
    "--ctl-config",
    join(configDir, "ejabberdctl.cfg"),
    "--config-dir",
    configDir,
    "--config",
    join(configDir, "ejabberd.yml"),
    "--spool",
    join(dir, "spool"),
    "--logs",
    join(dir, "logs"),
    "--node",
    NODE,
  ];
}

/** Ready once the log says it listens on each port, and each accepts. */
async function listens(server: Launched, ports: number[]): Promise<boolean> {
  for (const port of ports) {
    if (
      !logHas(server, `Start accepting TCP connections at 127.0.0.1:${port} `)
    )
      return false;
    if (!(await accepts(port))) return false;
  }
  return true;
}

function ctlCall(ctl: string[], command: string[]): void {
  const result = spawnSync(findBinary("ejabberdctl"), [...ctl, ...command], {
    encoding: "utf8",
    timeout: CTL_TIMEOUT_MS,
  });
  if (result.status !== 0)
    throw new Error(
      `ejabberdctl ${command[0]} failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}`,
    );
}
