// Money conversions: the demo database keeps cents as integers so that sums
// are exact; the spec speaks in euros.

/** Cents from euros given as a number (30) or a string ("10.00"); NaN stays NaN. */
export function toCents(euros: number | string): number {
  return Math.round(Number(euros) * 100);
}

/** "10.00": the spec's creditAmount. */
export function formatCredit(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "30" or "12.5": the spec's recharge amount, with no needless decimals. */
export function formatAmount(cents: number): string {
  return String(cents / 100);
}
