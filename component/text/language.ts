// The languages of the human-readable text (docs/clients.md, "Language"):
// Italian by default, English with REPLY_LANGUAGE=en. A stanza's xml:lang is
// not used: servers stamp the client's stream language on every stanza, and
// many clients open their stream in English whatever their user reads.

export const LANGUAGES = ["it", "en"] as const;

export type Language = (typeof LANGUAGES)[number];
