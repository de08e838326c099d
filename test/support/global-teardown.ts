// Jest global tear-down: stops the servers the set-up started.
export default async function globalTeardown(): Promise<void> {
  for (const server of globalThis.telcoTestServers ?? []) await server.stop();
  globalThis.telcoTestServers = undefined;
}
