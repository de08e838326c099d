// Two suites: fast unit tests with fakes, and integration tests against a real
// Prosody, Redis and XMPP client that run one file at a time.
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
// Scale-out tests that depend on one XMPP server's behaviour (Prosody's
// standby, ejabberd's load balancing) run only against that server.
const xmppServer = process.env.TEST_XMPP_SERVER || "prosody";

module.exports = {
  // A global option: jest ignores testTimeout inside a project.
  testTimeout: 30000,
  projects: [
    {
      displayName: "unit",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
      transform: tsJest,
      testEnvironment: "node",
    },
    {
      displayName: "integration",
      testMatch: [
        "<rootDir>/test/integration/**/*.test.ts",
        `<rootDir>/test/scale/${xmppServer}/**/*.test.ts`,
      ],
      transform: tsJest,
      testEnvironment: "node",
      globalSetup: "<rootDir>/test/support/global-setup.ts",
      globalTeardown: "<rootDir>/test/support/global-teardown.ts",
      testTimeout: 30000,
    },
  ],
};
