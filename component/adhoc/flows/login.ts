// "Log in" (spec: "Login"): the same cmd_login as an oob request, so the
// form binds the same session. Its one stage is never stored: the password
// goes from the form to the backend and nowhere else.
import { requiredValue } from "../fields";
import { outcomeOf, type Flow } from "../flow";
import { loginResult } from "../results";

export const loginFlow: Flow = {
  node: "login",
  title: "login",
  needsLogin: false,
  stages: [
    {
      async form(ctx) {
        const { labels } = ctx.messages;
        return {
          type: "form",
          title: ctx.messages.commands.login,
          instructions: ctx.messages.instructions.login,
          fields: [
            {
              var: "username",
              type: "text-single",
              label: labels.username,
              required: true,
            },
            {
              var: "password",
              type: "text-private",
              label: labels.password,
              required: true,
            },
          ],
        };
      },
      async read(ctx, submission) {
        const { labels } = ctx.messages;
        return {
          username: requiredValue(ctx, submission, "username", labels.username),
          password: requiredValue(ctx, submission, "password", labels.password),
        };
      },
    },
  ],
  async complete(ctx, values) {
    const reply = await ctx.perform("cmd_login", {
      username: values.username,
      password: values.password,
    });
    return outcomeOf(ctx, reply, loginResult);
  },
};
