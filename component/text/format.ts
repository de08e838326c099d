// Numbers, dates and bundles as a customer reads them, in either language.
import type { Bundle } from "../backend/telco-backend";
import type { Language } from "./language";

const LOCALES: Record<Language, string> = { it: "it-IT", en: "en-GB" };
// The operator is Italian: times are shown in its time zone.
const TIME_ZONE = "Europe/Rome";

// Built once: making an Intl formatter costs far more than using one, and
// every reply's body formats an amount.
const EURO_DIGITS = formatters(
  (locale) =>
    new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }),
);
const LOCAL_TIME = formatters(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: TIME_ZONE,
    }),
);

function formatters<F>(make: (locale: string) => F): Record<Language, F> {
  return { it: make(LOCALES.it), en: make(LOCALES.en) };
}

/** "10.00" or 10 → "10,00 EUR" in Italian, "10.00 EUR" in English. */
export function formatEuro(amount: unknown, lang: Language): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return String(amount ?? "");

  return `${EURO_DIGITS[lang].format(value)} EUR`;
}

/** An RFC 3339 instant as a local date and time; anything else as given. */
export function formatInstant(instant: unknown, lang: Language): string {
  const text = String(instant ?? "");
  const date = new Date(text);
  if (text === "" || Number.isNaN(date.getTime())) return text;

  return LOCAL_TIME[lang].format(date);
}

const BUNDLE_UNITS: Record<string, Record<Language, string>> = {
  minutes: { it: "minuti", en: "minutes" },
  sms: { it: "SMS", en: "SMS" },
  mega: { it: "MB", en: "MB" },
};

/** "100/200 minuti, 2/2000 SMS": what has been used of each allowance. */
export function formatBundles(
  bundles: Partial<Bundle>[] | undefined,
  lang: Language,
): string {
  return (bundles ?? [])
    .map((bundle) => {
      const type = String(bundle.type ?? "");
      const unit = BUNDLE_UNITS[type]?.[lang] ?? type;
      return `${bundle.consumed ?? 0}/${bundle.total ?? 0} ${unit}`;
    })
    .join(", ");
}
