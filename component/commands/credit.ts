// cmd_credit (spec: "Credit"): the remaining credit of one of the customer's lines.
import { assertOwnsLine } from "../session/authorization";
import { withSession } from "./command";
import type { LinePayload } from "./line-info";

export const credit = withSession<LinePayload>(
  "cmd_credit",
  async ({ payload, session, deps }) => {
    assertOwnsLine(session, payload.msisdn);

    return { ...(await deps.backend.credit(payload.msisdn)) };
  },
);
