// The commands about the customer's account: their record, and the payment
// methods stored for one of their contracts.
import { outcomeOf, type Flow } from "../flow";
import { paymentMethodsResult } from "../result-tables";
import { customerResult } from "../results";
import { chooseContract } from "./stages";

export const customerFlow: Flow = {
  node: "customer",
  title: "customer",
  needsLogin: true,
  stages: [],
  async complete(ctx) {
    return outcomeOf(
      ctx,
      await ctx.perform("cmd_customer", {}),
      customerResult,
    );
  },
};

export const paymentMethodsFlow: Flow = {
  node: "payment-methods",
  title: "paymentMethods",
  needsLogin: true,
  stages: [chooseContract],
  async complete(ctx, values) {
    const session = await ctx.session();
    const contract = session.contracts.find((c) => c.id === values.contract);

    const reply = await ctx.perform("cmd_payment_methods", {
      customerCode: session.customerCode,
      contractCode: values.contract,
      msisdn: contract?.lines[0] ?? "",
    });
    return outcomeOf(ctx, reply, paymentMethodsResult);
  },
};
