// The commands that show one line: its details, credit, offers, dashboard.
// Each asks which line, then runs the telco command of the same name.
import type { ReplyPayload } from "../../protocol/reply";
import type { CommandKey, OfferKind } from "../../text/messages";
import type { DataForm } from "../data-form";
import { outcomeOf, type Flow, type FlowContext } from "../flow";
import { offersResult } from "../result-tables";
import { creditResult, dashboardResult, lineInfoResult } from "../results";
import { chooseLine } from "./stages";

type Render = (ctx: FlowContext, reply: ReplyPayload) => DataForm;

function lineQuery(
  node: string,
  title: CommandKey,
  action: string,
  render: Render,
): Flow {
  return {
    node,
    title,
    needsLogin: true,
    stages: [chooseLine],
    async complete(ctx, values) {
      const reply = await ctx.perform(action, { msisdn: values.line });
      return outcomeOf(ctx, reply, render);
    },
  };
}

function offersQuery(kind: OfferKind, action: string): Flow {
  return lineQuery(kind, kind, action, (ctx, reply) =>
    offersResult(ctx, kind, reply),
  );
}

export const lineInfoFlow = lineQuery(
  "line-info",
  "lineInfo",
  "cmd_line_info",
  lineInfoResult,
);
export const creditFlow = lineQuery(
  "credit",
  "credit",
  "cmd_credit",
  creditResult,
);
export const dashboardFlow = lineQuery(
  "dashboard",
  "dashboard",
  "cmd_dashboard",
  dashboardResult,
);
export const optionsFlow = offersQuery("options", "cmd_active_options");
export const promotionsFlow = offersQuery(
  "promotions",
  "cmd_active_promotions",
);
export const servicesFlow = offersQuery("services", "cmd_active_services");
