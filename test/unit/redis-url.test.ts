import { parseRedisUrl } from "../../component/session/redis-url";
import { problemsOf } from "./config-problems";

function redisUrlProblems(value: string): string[] {
  return problemsOf({ COMPONENT_SECRET: "s3cret", REDIS_URL: value });
}

describe("parseRedisUrl", () => {
  it("reads redis:// and rediss:// as one server", () => {
    expect(parseRedisUrl("redis://127.0.0.1:6379")).toEqual({
      kind: "server",
      url: "redis://127.0.0.1:6379",
    });
    expect(parseRedisUrl("rediss://:pw@redis.example.com").kind).toBe("server");
  });

  it("reads redis+cluster:// as the seed nodes of a cluster, 6379 when no port is given", () => {
    expect(
      parseRedisUrl("redis+cluster://10.0.0.1:7000,10.0.0.2, [::1]:7002/"),
    ).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 6379 },
        { host: "::1", port: 7002 },
      ],
      tls: false,
    });
  });

  it("takes the cluster's credentials once, before the nodes, and TLS from rediss+cluster://", () => {
    expect(
      parseRedisUrl("rediss+cluster://app:p%40ss@h1:7000,h2:7001"),
    ).toMatchObject({
      kind: "cluster",
      username: "app",
      password: "p@ss",
      tls: true,
    });
    expect(parseRedisUrl("redis+cluster://:secret@h1:7000")).toMatchObject({
      password: "secret",
    });
  });

  it("refuses a cluster URL without nodes, or with a node that is not host:port", () => {
    expect(() => parseRedisUrl("redis+cluster://")).toThrow(/no cluster node/);
    expect(() => parseRedisUrl("redis+cluster://h1:7000,h2:port")).toThrow(
      /"h2:port" is not a host:port pair/,
    );
    expect(() => parseRedisUrl("redis+cluster://h1:7000/db")).toThrow(
      /not a host:port pair/,
    );
  });
});

describe("REDIS_URL in the configuration", () => {
  it("accepts a cluster URL", () => {
    expect(redisUrlProblems("redis+cluster://h1:7000,h2:7001")).toEqual([]);
  });

  it("names REDIS_URL and shows both forms when the value is wrong", () => {
    const [problem] = redisUrlProblems("redis+cluster://h1:7000,,h2");

    expect(problem).toMatch(/^REDIS_URL is "redis\+cluster:\/\/h1:7000,,h2"/);
    expect(problem).toMatch(/redis:\/\/127\.0\.0\.1:6379/);
    expect(problem).toMatch(/redis\+cluster:\/\//);
  });

  it("never repeats the password of a cluster URL", () => {
    const problems = redisUrlProblems("redis+cluster://app:hunter2@h1:x");
    expect(problems.join()).not.toContain("hunter2");
  });
});
