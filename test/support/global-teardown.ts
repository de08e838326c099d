// Jest global tear-down: stops the servers the set-up started, every one of
// them even when another fails to stop, then reports the first failure.
export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.telcoTestServers ?? [];
  globalThis.telcoTestServers = undefined;

  const results = await Promise.allSettled(servers.map((s) => s.stop()));
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}
