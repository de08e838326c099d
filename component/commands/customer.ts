// cmd_customer (spec: "Customer"): the logged-in customer's own record.
import { withSession } from "./command";

export const customer = withSession<Record<string, never>>(
  "cmd_customer",
  async ({ session, deps }) => {
    const profile = await deps.backend.customer(session.customerCode);
    return { ...profile };
  },
);
