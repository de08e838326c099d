// cmd_active_options, cmd_active_promotions and cmd_active_services (spec:
// "Active Options", "Active Promotions", "Active Services"): the offers
// active on one of the customer's lines.
import type { Offer, TelcoBackend } from "../backend/telco-backend";
import { assertOwnsLine } from "../session/authorization";
import { withSession, type Command, type ReplyFields } from "./command";
import type { LinePayload } from "./line-info";

type OfferQuery = (backend: TelcoBackend, msisdn: string) => Promise<Offer[]>;

function offerCommand(action: string, query: OfferQuery): Command {
  return withSession<LinePayload>(
    action,
    async ({ payload, session, deps }) => {
      assertOwnsLine(session, payload.msisdn);

      return offerFields(await query(deps.backend, payload.msisdn));
    },
  );
}

/**
 * The spec shows a single offer's fields at the top level, yet a line can
 * have several: all go in `items`, and the first also stands at the top level
 * as in the spec's example (docs/protocol.md, "Offer lists").
 */
export function offerFields(offers: Offer[]): ReplyFields {
  const [first] = offers;
  return first ? { ...first, items: offers } : { items: offers };
}

export const activeOptions = offerCommand(
  "cmd_active_options",
  (backend, msisdn) => backend.activeOptions(msisdn),
);
export const activePromotions = offerCommand(
  "cmd_active_promotions",
  (backend, msisdn) => backend.activePromotions(msisdn),
);
export const activeServices = offerCommand(
  "cmd_active_services",
  (backend, msisdn) => backend.activeServices(msisdn),
);
