// The languages of the human-readable text (docs/clients.md, "Language"):
// Italian by default, English on request. A stanza's own xml:lang wins when
// it names one of them, so each customer reads their client's language.

export const LANGUAGES = ["it", "en"] as const;

export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** `en-GB` reads as `en`; a language we do not speak falls back to the default. */
export function languageOf(
  xmlLang: string | undefined,
  fallback: Language,
): Language {
  const primary = (xmlLang ?? "").trim().toLowerCase().split("-")[0];
  return isLanguage(primary) ? primary : fallback;
}
