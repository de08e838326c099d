// The reference server's check of the caller: the token the component sends
// (BACKEND_TOKEN, in Authorization as a bearer token or in another header),
// compared in constant time.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export function authorizer(
  token: string | undefined,
  header = "Authorization",
): (req: IncomingMessage) => boolean {
  if (!token) return () => true;
  const bearer = header.toLowerCase() === "authorization";
  const expected = Buffer.from(bearer ? `Bearer ${token}` : token);

  return (req) => {
    const given = Buffer.from(String(req.headers[header.toLowerCase()] ?? ""));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}
