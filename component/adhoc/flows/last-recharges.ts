// "Recent top-ups" (spec: "Last Recharges"): a period, by default the last
// 90 days, and optionally one line; the answer is a table.
import { linesOf } from "../../session/session-store";
import type { Option } from "../data-form";
import { requiredChoice, requiredDate } from "../fields";
import { FieldError, outcomeOf, type Flow, type FlowContext } from "../flow";
import { rechargesResult } from "../result-tables";

export const DEFAULT_PERIOD_DAYS = 90;
const ALL_LINES = "all";
const DAY_MS = 86_400_000;

export const lastRechargesFlow: Flow = {
  node: "last-recharges",
  title: "lastRecharges",
  needsLogin: true,
  stages: [
    {
      async form(ctx) {
        const { labels } = ctx.messages;
        const today = new Date();
        const start = new Date(today.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
        return {
          type: "form",
          instructions: ctx.messages.instructions.choosePeriod,
          fields: [
            {
              var: "from",
              type: "text-single",
              label: labels.from,
              required: true,
              datatype: "xs:date",
              values: [isoDate(start)],
            },
            {
              var: "to",
              type: "text-single",
              label: labels.to,
              required: true,
              datatype: "xs:date",
              values: [isoDate(today)],
            },
            {
              var: "line",
              type: "list-single",
              label: labels.line,
              required: true,
              options: await lineChoices(ctx),
              values: [ALL_LINES],
            },
          ],
        };
      },
      async read(ctx, submission) {
        const { labels } = ctx.messages;
        const from = requiredDate(ctx, submission, "from", labels.from);
        const to = requiredDate(ctx, submission, "to", labels.to);
        if (from > to) throw new FieldError(ctx.messages.notes.datesReversed);

        const line = requiredChoice(
          ctx,
          submission,
          "line",
          labels.line,
          await lineChoices(ctx),
        );
        return { from, to, line };
      },
    },
  ],
  async complete(ctx, values) {
    const reply = await ctx.perform("cmd_last_recharges", {
      startDate: `${values.from}T00:00:00Z`,
      endDate: `${values.to}T23:59:59Z`,
      ...(values.line === ALL_LINES ? {} : { msisdn: values.line }),
    });
    return outcomeOf(ctx, reply, rechargesResult);
  },
};

async function lineChoices(ctx: FlowContext): Promise<Option[]> {
  const lines = linesOf(await ctx.session());
  return [
    { label: ctx.messages.labels.allLines, value: ALL_LINES },
    ...lines.map((line) => ({ label: line, value: line })),
  ];
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
