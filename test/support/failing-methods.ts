// Wraps a backend so that a test can make chosen methods fail on demand, as
// an operator's system does when one of its services is down.
import type { TelcoBackend } from "../../component/backend/telco-backend";
import { TelcoError } from "../../component/errors";

export type BackendMethod = Exclude<keyof TelcoBackend, "close">;

export function withFaults(
  backend: TelcoBackend,
  failing: Set<BackendMethod>,
): TelcoBackend {
  return new Proxy(backend, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver);
      if (!failing.has(property as BackendMethod)) return member;

      return () => Promise.reject(new TelcoError("BACKEND_UNAVAILABLE"));
    },
  });
}
