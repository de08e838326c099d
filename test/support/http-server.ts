// An HTTP server on a free loopback port for tests, closed with every
// connection it holds so that nothing outlives the test.
import { once } from "node:events";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import {
  createServer as createTlsServer,
  type ServerOptions,
} from "node:https";

export interface LoopbackServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function listenOnLoopback(
  handler: Handler,
  tls?: ServerOptions,
): Promise<LoopbackServer> {
  const server = tls ? createTlsServer(tls, handler) : createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");

  const { port } = server.address() as { port: number };
  return {
    server,
    port,
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    close: () => closeServer(server),
  };
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeAllConnections();
  await closed;
}
