// cmd_recharge (spec: "Recharge"): tops up a line, paid by one of the
// customer's lines and stored payment methods. The recharged line may be
// anyone's: topping up a friend's phone is an ordinary telco service.
import { assertOwnsContractLine } from "../session/authorization";
import { withSession } from "./command";
import {
  canonicalValue,
  idempotencyKey,
  paymentReference,
  type PaymentMethodPayload,
} from "./payment";

interface RechargePayload {
  customerCode: string;
  contractCode: string;
  msisdn: string;
  msisdnToRecharge: string;
  amount: number;
  label: string;
  value: string | number;
  paymentMethod: PaymentMethodPayload;
}

export const recharge = withSession<RechargePayload>(
  "cmd_recharge",
  async ({ payload, session, sender, stanzaId, deps, log }) => {
    assertOwnsContractLine(session, payload);

    const order = {
      customerCode: payload.customerCode,
      contractCode: payload.contractCode,
      payingMsisdn: payload.msisdn,
      msisdnToRecharge: payload.msisdnToRecharge,
      amount: payload.amount,
      label: payload.label,
      value: canonicalValue(payload.value),
      payment: paymentReference(payload.paymentMethod),
    };
    const receipt = await deps.backend.recharge(
      order,
      idempotencyKey(sender, stanzaId),
    );

    log.info(
      { transactionID: receipt.transactionID, amount: receipt.rechargedAmount },
      "recharge applied",
    );
    return { ...receipt };
  },
);
