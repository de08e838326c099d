// cmd_login (spec: "Login"): checks the credentials and binds the sender's
// bare JID to the customer.
import { TelcoError } from "../errors";
import { linesOf } from "../session/session-store";
import { withoutSession } from "./command";

interface LoginPayload {
  username: string;
  password: string;
}

export const login = withoutSession<LoginPayload>(
  "cmd_login",
  async ({ payload, sender, deps, log }) => {
    await deps.loginThrottle.assertAllowed(sender);

    const account = await deps.backend.login(
      payload.username,
      payload.password,
    );
    if (!account) {
      await deps.loginThrottle.recordFailure(sender);
      log.info("login refused: wrong username or password");
      throw new TelcoError("BAD_CREDENTIALS");
    }

    await deps.loginThrottle.reset(sender);
    const session = await deps.sessions.open(sender, account);

    return { lines: linesOf(session) };
  },
);
