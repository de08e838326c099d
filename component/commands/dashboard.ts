// cmd_dashboard (spec: "Dashboard"): line info, options, promotions, services
// and credit of one line, fetched in parallel. A section that fails leaves
// the others standing; the reply then names what is missing.
import { isTelcoError, TelcoError } from "../errors";
import { assertOwnsLine } from "../session/authorization";
import { withSession, type ReplyFields } from "./command";
import type { LinePayload } from "./line-info";

/** Raised when some sections failed; carries those that did not. */
export class PartialDashboardError extends Error {
  constructor(
    readonly cause: unknown,
    readonly missing: string[],
    readonly sections: ReplyFields,
  ) {
    super(`dashboard sections missing: ${missing.join(", ")}`);
    this.name = "PartialDashboardError";
  }
}

export const dashboard = withSession<LinePayload>(
  "cmd_dashboard",
  async ({ payload, session, deps }) => {
    assertOwnsLine(session, payload.msisdn);
    const { backend } = deps;
    const msisdn = payload.msisdn;

    const sections: Array<[string, Promise<unknown>]> = [
      ["lineInfo", backend.lineInfo(msisdn)],
      ["activeOptions", backend.activeOptions(msisdn)],
      ["activePromotions", backend.activePromotions(msisdn)],
      ["activeServices", backend.activeServices(msisdn)],
      ["credit", backend.credit(msisdn)],
    ];

    const settled = await Promise.allSettled(
      sections.map(([, pending]) => pending),
    );
    return collect(
      sections.map(([name]) => name),
      settled,
    );
  },
);

function collect(
  names: string[],
  settled: PromiseSettledResult<unknown>[],
): ReplyFields {
  const fields: ReplyFields = {};
  const missing: string[] = [];
  let firstFailure: unknown;

  settled.forEach((outcome, index) => {
    if (outcome.status === "fulfilled") {
      fields[names[index]] = outcome.value;
    } else {
      missing.push(names[index]);
      firstFailure ??= outcome.reason;
    }
  });

  if (missing.length > 0)
    throw new PartialDashboardError(firstFailure, missing, fields);
  return fields;
}

/** The status a partial dashboard is answered with: that of its first failure. */
export function partialStatus(err: PartialDashboardError): TelcoError {
  return isTelcoError(err.cause) ? err.cause : new TelcoError("INTERNAL");
}
