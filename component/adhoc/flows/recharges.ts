// "Top up" and "Automatic top-up" (spec: "Recharge", "Auto Recharge"): choose
// the line, the amount and a stored card, look, confirm. The ad-hoc session
// id is the idempotency basis, so a confirmation sent twice charges once.
import type { ReplyPayload } from "../../protocol/reply";
import { describeReply } from "../../text/reply-text";
import { outcomeOf, type Flow, type FlowContext, type Values } from "../flow";
import { fieldsResult } from "../results";
import {
  chooseAmount,
  chooseLine,
  choosePayment,
  confirm,
  contractOf,
  euros,
} from "./stages";

// The spec's value is the amount in five digits ("00030" for 30 euro).
const VALUE_DIGITS = 5;

function summary(instructions: (ctx: FlowContext) => string) {
  return confirm(instructions, [
    ["line", (values) => values.line],
    ["amount", (values, ctx) => euros(ctx, values.amount)],
    ["paymentMethod", (values) => values.paymentLabel],
  ]);
}

/** The order as the spec's requests carry it, paid by the chosen line's contract. */
async function order(ctx: FlowContext, values: Values) {
  const session = await ctx.session();
  return {
    customerCode: session.customerCode,
    contractCode: contractOf(session, values.line),
    msisdn: values.line,
    label: `${values.amount} euro`,
    value: values.amount.padStart(VALUE_DIGITS, "0"),
    paymentMethod: { type: "card", code: values.payment },
  };
}

export const rechargeFlow: Flow = {
  node: "recharge",
  title: "recharge",
  needsLogin: true,
  stages: [
    chooseLine,
    chooseAmount,
    choosePayment,
    summary((ctx) => ctx.messages.instructions.confirmRecharge),
  ],
  async complete(ctx, values) {
    const reply = await ctx.perform("cmd_recharge", {
      ...(await order(ctx, values)),
      msisdnToRecharge: values.line,
      amount: Number(values.amount),
    });

    return withNote(ctx, "cmd_recharge", reply, (receipt) =>
      fieldsResult(ctx, ctx.messages.commands.recharge, [
        ["transactionId", receipt.transactionID],
        ["rechargedLine", values.line],
        ["rechargedAmount", euros(ctx, String(receipt.rechargedAmount))],
      ]),
    );
  },
};

export const autoRechargeFlow: Flow = {
  node: "auto-recharge",
  title: "autoRecharge",
  needsLogin: true,
  stages: [
    chooseLine,
    chooseAmount,
    choosePayment,
    summary((ctx) => ctx.messages.instructions.confirmAutoRecharge),
  ],
  async complete(ctx, values) {
    const reply = await ctx.perform(
      "cmd_auto_recharge",
      await order(ctx, values),
    );

    return withNote(ctx, "cmd_auto_recharge", reply, () =>
      fieldsResult(ctx, ctx.messages.commands.autoRecharge, [
        ["line", values.line],
        ["amount", euros(ctx, values.amount)],
        ["paymentMethod", values.paymentLabel],
      ]),
    );
  },
};

/** Success also says so in a sentence, as the oob reply's body does. */
function withNote(
  ctx: FlowContext,
  action: string,
  reply: ReplyPayload,
  render: (reply: ReplyPayload) => ReturnType<typeof fieldsResult>,
) {
  const outcome = outcomeOf(ctx, reply, (_ctx, r) => render(r));
  if (reply.error) return outcome;

  return {
    ...outcome,
    note: {
      type: "info" as const,
      text: describeReply(action, reply, ctx.lang),
    },
  };
}
