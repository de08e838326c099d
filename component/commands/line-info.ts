// cmd_line_info (spec: "Line Info"): one of the customer's lines.
import { assertOwnsLine } from "../session/authorization";
import { withSession } from "./command";

export interface LinePayload {
  msisdn: string;
}

export const lineInfo = withSession<LinePayload>(
  "cmd_line_info",
  async ({ payload, session, deps }) => {
    assertOwnsLine(session, payload.msisdn);

    return { ...(await deps.backend.lineInfo(payload.msisdn)) };
  },
);
