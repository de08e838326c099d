// Card masking (PCI DSS: at most the last four digits may be shown).

/** Replaces every digit but the last four with `*`, keeping the grouping. */
export function maskCardNumber(cardNumber: string): string {
  const digitCount = cardNumber.replace(/\D/g, "").length;
  let seen = 0;

  return cardNumber.replace(/\d/g, (digit) => {
    seen += 1;
    return seen > digitCount - 4 ? digit : "*";
  });
}
