// The stages that several commands share: choose a line, a contract, an
// amount, a stored payment method; and a last look before confirming.
import { linesOf, type Session } from "../../session/session-store";
import { formatEuro } from "../../text/format";
import type { LabelKey } from "../../text/messages";
import type { DataForm, Option } from "../data-form";
import { requiredChoice } from "../fields";
import {
  performOrFail,
  type FlowContext,
  type Stage,
  type Values,
} from "../flow";

/** Top-up amounts in euros (docs/clients.md, "Top up"). */
export const AMOUNTS = [5, 10, 15, 20, 25, 30, 50];

export const chooseLine: Stage = {
  async form(ctx, values) {
    const lines = linesOf(await ctx.session());
    return choiceForm(
      ctx,
      "line",
      "line",
      lineOptions(lines),
      values.line ?? lines[0],
      ctx.messages.instructions.chooseLine,
    );
  },
  async read(ctx, submission) {
    const options = lineOptions(linesOf(await ctx.session()));
    return {
      line: requiredChoice(
        ctx,
        submission,
        "line",
        ctx.messages.labels.line,
        options,
      ),
    };
  },
};

export const chooseContract: Stage = {
  async form(ctx, values) {
    const options = contractOptions(await ctx.session());
    return choiceForm(
      ctx,
      "contract",
      "contract",
      options,
      values.contract ?? options[0]?.value,
      ctx.messages.instructions.chooseContract,
    );
  },
  async read(ctx, submission) {
    const options = contractOptions(await ctx.session());
    return {
      contract: requiredChoice(
        ctx,
        submission,
        "contract",
        ctx.messages.labels.contract,
        options,
      ),
    };
  },
};

export const chooseAmount: Stage = {
  async form(ctx, values) {
    return choiceForm(
      ctx,
      "amount",
      "amount",
      amountOptions(ctx),
      values.amount,
      ctx.messages.instructions.chooseAmount,
    );
  },
  async read(ctx, submission) {
    return {
      amount: requiredChoice(
        ctx,
        submission,
        "amount",
        ctx.messages.labels.amount,
        amountOptions(ctx),
      ),
    };
  },
};

/** The cards stored for the contract of the chosen line, masked as cmd_payment_methods shows them. */
export const choosePayment: Stage = {
  async form(ctx, values) {
    const options = await paymentOptions(ctx, values.line);
    const form = choiceForm(
      ctx,
      "payment",
      "paymentMethod",
      options,
      values.payment ?? options[0]?.value,
      ctx.messages.instructions.choosePayment,
    );
    if (options.length > 0) return form;

    return { ...form, instructions: ctx.messages.notes.noPaymentMethods };
  },
  async read(ctx, submission, values) {
    const options = await paymentOptions(ctx, values.line);
    const payment = requiredChoice(
      ctx,
      submission,
      "payment",
      ctx.messages.labels.paymentMethod,
      options,
    );
    const label =
      options.find((option) => option.value === payment)?.label ?? payment;
    return { payment, paymentLabel: label };
  },
};

/** A summary of the answers, as fixed lines; completing the stage confirms. */
export function confirm(
  instructions: (ctx: FlowContext) => string,
  shown: Array<[LabelKey, (values: Values, ctx: FlowContext) => string]>,
): Stage {
  return {
    async form(ctx, values) {
      return {
        type: "form",
        instructions: instructions(ctx),
        fields: shown.map(([label, value]) => ({
          type: "fixed" as const,
          values: [`${ctx.messages.labels[label]}: ${value(values, ctx)}`],
        })),
      };
    },
    async read() {
      return {};
    },
  };
}

/** The contract that holds a line: it pays for what the line orders. */
export function contractOf(session: Session, line: string): string {
  const contract = session.contracts.find((c) => c.lines.includes(line));
  return contract?.id ?? "";
}

export function euros(ctx: FlowContext, amount: string | undefined): string {
  return formatEuro(amount, ctx.lang);
}

function choiceForm(
  ctx: FlowContext,
  name: string,
  label: LabelKey,
  options: Option[],
  chosen: string | undefined,
  instructions: string,
): DataForm {
  return {
    type: "form",
    instructions,
    fields: [
      {
        var: name,
        type: "list-single",
        label: ctx.messages.labels[label],
        required: true,
        options,
        values: chosen === undefined ? [] : [chosen],
      },
    ],
  };
}

function lineOptions(lines: string[]): Option[] {
  return lines.map((line) => ({ label: line, value: line }));
}

function contractOptions(session: Session): Option[] {
  return session.contracts.map((contract) => ({
    label: `${contract.id} (${contract.lines.join(", ")})`,
    value: contract.id,
  }));
}

function amountOptions(ctx: FlowContext): Option[] {
  return AMOUNTS.map((amount) => ({
    label: euros(ctx, String(amount)),
    value: String(amount),
  }));
}

async function paymentOptions(ctx: FlowContext, line = ""): Promise<Option[]> {
  const session = await ctx.session();
  const reply = await performOrFail(ctx, "cmd_payment_methods", {
    customerCode: session.customerCode,
    contractCode: contractOf(session, line),
    msisdn: line,
  });

  const methods = (reply.paymentMethods ?? []) as Array<{
    code: string;
    cardInfo: { cardNumber: string; owner: string; expiryDate: string };
  }>;
  return methods.map(({ code, cardInfo }) => ({
    label: `${cardInfo.cardNumber} · ${cardInfo.owner} · ${cardInfo.expiryDate}`,
    value: code,
  }));
}
