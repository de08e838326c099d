// The problems loadConfig reports for an environment, or none: what the
// configuration tests compare against.
import { ConfigError, loadConfig } from "../../component/config";

export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}
