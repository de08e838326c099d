// cmd_auto_recharge (spec: "Auto Recharge"): sets up a recurring top-up of
// one of the customer's lines.
import { assertOwnsContractLine } from "../session/authorization";
import { withSession } from "./command";
import {
  canonicalValue,
  paymentReference,
  type PaymentMethodPayload,
} from "./payment";

interface AutoRechargePayload {
  customerCode: string;
  contractCode: string;
  msisdn: string;
  label: string;
  value: string | number;
  paymentMethod: PaymentMethodPayload;
}

export const autoRecharge = withSession<AutoRechargePayload>(
  "cmd_auto_recharge",
  async ({ payload, session, deps }) => {
    assertOwnsContractLine(session, payload);

    await deps.backend.autoRecharge({
      customerCode: payload.customerCode,
      contractCode: payload.contractCode,
      msisdn: payload.msisdn,
      label: payload.label,
      value: canonicalValue(payload.value),
      payment: paymentReference(payload.paymentMethod),
    });

    return {};
  },
);
