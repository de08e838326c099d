// cmd_last_recharges (spec: "Last Recharges"): recharges of the customer's
// lines between two instants, or of one line when `msisdn` is given.
import { TelcoError } from "../errors";
import { assertOwnsLine } from "../session/authorization";
import { linesOf } from "../session/session-store";
import { withSession } from "./command";

interface LastRechargesPayload {
  startDate: string;
  endDate: string;
  msisdn?: string;
}

export const lastRecharges = withSession<LastRechargesPayload>(
  "cmd_last_recharges",
  async ({ payload, session, deps }) => {
    const range = {
      start: new Date(payload.startDate),
      end: new Date(payload.endDate),
    };
    if (range.start > range.end)
      throw new TelcoError("INVALID_PAYLOAD", "startDate is after endDate");

    if (payload.msisdn) assertOwnsLine(session, payload.msisdn);
    const lines = payload.msisdn ? [payload.msisdn] : linesOf(session);

    return { data: await deps.backend.lastRecharges(lines, range) };
  },
);
