// cmd_payment_methods (spec: "Payment Methods"): the cards stored for a
// contract, masked. PCI DSS allows showing at most the last four digits, and
// forbids keeping a security code after authorization, so none is returned
// (docs/protocol.md, "Card data").
import { maskCardNumber } from "../privacy/card";
import { assertOwnsContractLine } from "../session/authorization";
import { withSession } from "./command";

interface PaymentMethodsPayload {
  customerCode: string;
  contractCode: string;
  msisdn: string;
}

export const paymentMethods = withSession<PaymentMethodsPayload>(
  "cmd_payment_methods",
  async ({ payload, session, deps }) => {
    assertOwnsContractLine(session, payload);

    const cards = await deps.backend.paymentMethods(
      payload.customerCode,
      payload.contractCode,
    );

    return {
      paymentMethods: cards.map((card) => ({
        code: card.code,
        cardInfo: {
          cardNumber: maskCardNumber(card.cardNumber),
          owner: card.owner,
          expiryDate: card.expiryDate,
        },
      })),
    };
  },
);
