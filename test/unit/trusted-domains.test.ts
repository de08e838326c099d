import type { CommandDeps } from "../../component/commands/command";
import { findSession } from "../../component/commands/session-lookup";
import { openDemoBackend } from "../../component/backend/demo/demo-backend";
import {
  TrustedDomains,
  trustedDomainsFor,
} from "../../component/session/trusted-domains";
import { capturingLogger, FakeSessions, fakeThrottle } from "./fakes";

describe("TrustedDomains", () => {
  const trusted = new TrustedDomains(["Customers.Example.com"]);

  it("names the username of a sender of a listed domain, any resource, any case of domain", () => {
    expect(trusted.usernameOf("3304578577@customers.example.com/phone")).toBe(
      "3304578577",
    );
    expect(trusted.usernameOf("3304578577@CUSTOMERS.example.com")).toBe(
      "3304578577",
    );
  });

  it("trusts neither a subdomain, a look-alike, nor the bare domain", () => {
    expect(
      trusted.usernameOf("3304578577@evil.customers.example.com"),
    ).toBeUndefined();
    expect(
      trusted.usernameOf("3304578577@customers.example.com.evil.org"),
    ).toBeUndefined();
    expect(trusted.usernameOf("customers.example.com")).toBeUndefined();
    expect(trusted.usernameOf("not a jid@@")).toBeUndefined();
  });
});

describe("findSession", () => {
  function deps(
    trustedDomains?: TrustedDomains,
  ): CommandDeps & { store: FakeSessions } {
    const store = new FakeSessions();
    return {
      backend: openDemoBackend({ path: ":memory:" }),
      sessions: store.asStore(),
      loginThrottle: fakeThrottle(),
      trustedDomains,
      store,
    };
  }
  const log = capturingLogger().log;

  it("opens a session for a trusted sender named like a customer", async () => {
    const d = deps(new TrustedDomains(["customers.example.com"]));
    const session = await findSession(
      "3304578577@customers.example.com",
      d,
      log,
    );

    expect(session?.customerCode).toBe("1294941");
    expect(d.store.sessions.has("3304578577@customers.example.com")).toBe(true);
  });

  it("opens none for a stranger, a non-customer, or when nothing is trusted", async () => {
    const trusted = deps(new TrustedDomains(["customers.example.com"]));

    expect(
      await findSession("3304578577@elsewhere.org", trusted, log),
    ).toBeNull();
    expect(
      await findSession("nobody@customers.example.com", trusted, log),
    ).toBeNull();
    expect(
      await findSession("3304578577@customers.example.com", deps(), log),
    ).toBeNull();
  });
});

describe("trustedDomainsFor", () => {
  it("turns trusted logins off, at error, with a backend that cannot find accounts", () => {
    const logger = capturingLogger();
    const backend = openDemoBackend({ path: ":memory:" });
    const withoutLookup = Object.assign(Object.create(backend), {
      findAccount: undefined,
    });

    expect(
      trustedDomainsFor(["example.com"], withoutLookup, logger.log),
    ).toBeUndefined();
    expect(
      logger.lines.some(
        (line) => line.level === 50 && /TRUSTED_DOMAINS/.test(String(line.msg)),
      ),
    ).toBe(true);
  });

  it("is off, silently, when no domain is listed", () => {
    const logger = capturingLogger();
    expect(
      trustedDomainsFor([], openDemoBackend({ path: ":memory:" }), logger.log),
    ).toBeUndefined();
    expect(logger.lines).toHaveLength(0);
  });
});
