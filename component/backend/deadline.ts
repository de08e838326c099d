// Puts a time limit on every backend call: past it the request is answered
// with BACKEND_TIMEOUT (status 500, the spec's "goes to timeout") instead of
// waiting for ever on a stuck backend.
import { TelcoError } from "../errors";
import type { TelcoBackend } from "./telco-backend";

export function withDeadline(
  backend: TelcoBackend,
  timeoutMs: number,
): TelcoBackend {
  return new Proxy(backend, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver);
      if (typeof member !== "function" || property === "close") return member;

      return (...args: unknown[]) =>
        raceDeadline(member.apply(target, args), timeoutMs);
    },
  });
}

function raceDeadline<T>(call: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TelcoError("BACKEND_TIMEOUT")),
      timeoutMs,
    );
  });

  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}
