import { loadConfig } from "../../component/config";
import { problemsOf } from "./config-problems";

const minimal = { COMPONENT_SECRET: "s3cret" };

describe("loadConfig", () => {
  it("fills every setting but the secret with a working default", () => {
    expect(loadConfig(minimal)).toMatchObject({
      xmppService: "xmpp://127.0.0.1:5347",
      componentDomain: "telco.localhost",
      redisUrl: "redis://127.0.0.1:6379",
      backend: "demo",
      sessionTtlSeconds: 1800,
    });
  });

  it("reports every problem at once, each naming its variable", () => {
    const problems = problemsOf({
      XMPP_SERVICE: "http://x",
      SESSION_TTL_SECONDS: "ten",
      BACKEND: "oracle",
    });

    expect(problems).toEqual([
      expect.stringMatching(/^XMPP_SERVICE .* xmpp:\/\//),
      expect.stringMatching(/^COMPONENT_SECRET is missing/),
      expect.stringMatching(/^BACKEND .* demo/),
      expect.stringMatching(/^SESSION_TTL_SECONDS .* whole number/),
    ]);
  });

  it("never repeats a password found in REDIS_URL", () => {
    const problems = problemsOf({
      ...minimal,
      REDIS_URL: "http://user:hunter2@redis:6379",
    });
    expect(problems.join()).not.toContain("hunter2");
  });

  it("refuses a component domain that is not a domain name", () => {
    expect(
      problemsOf({ ...minimal, COMPONENT_DOMAIN: "bot@telco" })[0],
    ).toMatch(/^COMPONENT_DOMAIN/);
  });

  it("caches credit briefly and line info long, and serves no metrics unless asked", () => {
    const config = loadConfig(minimal);

    expect(config.cacheTtlSeconds.credit).toBeLessThan(
      config.cacheTtlSeconds.lineInfo,
    );
    expect(config.metricsPort).toBeUndefined();
    expect(loadConfig({ ...minimal, METRICS_PORT: "9464" }).metricsPort).toBe(
      9464,
    );
  });

  it("names a cache setting that is not a number of seconds", () => {
    expect(
      problemsOf({
        ...minimal,
        CACHE_TTL_CREDIT_SECONDS: "-1",
        METRICS_PORT: "x",
      }),
    ).toEqual([
      expect.stringMatching(/^CACHE_TTL_CREDIT_SECONDS .* whole number/),
      expect.stringMatching(/^METRICS_PORT .* whole number/),
    ]);
  });
  it("leaves trusted domains off, Italian replies on and ad-hoc sessions at ten minutes by default", () => {
    expect(loadConfig(minimal)).toMatchObject({
      trustedDomains: [],
      replyLanguage: "it",
      serviceName: "Telco self-care",
      botLocalpart: "buddy_channel",
      adhocSessionTtlSeconds: 600,
    });
  });

  it("reads trusted domains as a comma-separated list, and names the wrong ones", () => {
    expect(
      loadConfig({
        ...minimal,
        TRUSTED_DOMAINS: " Example.com, staff.example.com ",
      }).trustedDomains,
    ).toEqual(["example.com", "staff.example.com"]);
    expect(
      problemsOf({
        ...minimal,
        TRUSTED_DOMAINS: "example.com,user@example.com",
      }),
    ).toEqual([
      expect.stringMatching(/^TRUSTED_DOMAINS has "user@example.com"/),
    ]);
  });

  it("refuses a reply language it does not speak", () => {
    expect(problemsOf({ ...minimal, REPLY_LANGUAGE: "fr" })[0]).toMatch(
      /^REPLY_LANGUAGE .* it, en/,
    );
  });
});
