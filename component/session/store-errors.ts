// Turns a failed Redis call into the protocol's "store unavailable" answer.
import { TelcoError } from "../errors";

export async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw TelcoError.because(err, "STORE_UNAVAILABLE");
  }
}
