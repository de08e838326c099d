// What the integration suite's global set-up started, as test files see it.

export interface TestEnv {
  redisUrl: string;
  c2sService: string;
  xmppDomain: string;
  componentService: string;
  componentDomain: string;
  componentSecret: string;
  /** prosody or ejabberd (TEST_XMPP_SERVER). */
  xmppServer: string;
  xmppLogFile: string;
}

const NAMES = {
  redisUrl: "TEST_REDIS_URL",
  c2sService: "TEST_XMPP_C2S_SERVICE",
  xmppDomain: "TEST_XMPP_DOMAIN",
  componentService: "TEST_XMPP_COMPONENT_SERVICE",
  componentDomain: "TEST_COMPONENT_DOMAIN",
  componentSecret: "TEST_COMPONENT_SECRET",
  xmppServer: "TEST_XMPP_SERVER",
  xmppLogFile: "TEST_XMPP_LOG_FILE",
} as const;

export function testEnv(): TestEnv {
  const entries = Object.entries(NAMES).map(([key, name]) => {
    const value = process.env[name];
    if (!value)
      throw new Error(
        `${name} is not set: run integration tests through jest's integration project`,
      );
    return [key, value];
  });
  return Object.fromEntries(entries) as TestEnv;
}

export function publishTestEnv(env: TestEnv): void {
  for (const [key, name] of Object.entries(NAMES))
    process.env[name] = env[key as keyof TestEnv];
}
