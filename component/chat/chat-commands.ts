// What a customer may type (docs/clients.md, "Plain chat"): a word, in
// Italian or English, and perhaps a line. Case, accents, a leading slash and
// trailing punctuation do not matter.

export type ChatCommand =
  "help" | "credit" | "lines" | "dashboard" | "options" | "recharges";

export interface ParsedText {
  command: ChatCommand | undefined;
  /** The first word as typed (cut short), to name it back when unknown. */
  word: string;
  /** What follows the word: a line, by number or by place in the list. */
  argument: string | undefined;
}

const WORDS: Record<ChatCommand, string[]> = {
  // A greeting is answered with the list of what can be typed.
  help: ["help", "aiuto", "?", "menu", "ciao", "hi", "hello", "salve", "start"],
  credit: ["credit", "credito", "saldo", "balance"],
  lines: ["lines", "linee", "numeri", "numbers"],
  dashboard: ["dashboard", "riepilogo"],
  options: ["options", "opzioni"],
  recharges: ["recharges", "ricariche", "topups", "top-ups"],
};

const BY_WORD = new Map(
  Object.entries(WORDS).flatMap(([command, words]) =>
    words.map((word) => [word, command as ChatCommand] as const),
  ),
);

export function parseText(text: string): ParsedText {
  const [first = "", second] = text.trim().split(/\s+/);
  const word = normalise(first);

  return {
    command: BY_WORD.get(word),
    word: first.slice(0, 30),
    argument: second?.replace(/[.,;:!]+$/, ""),
  };
}

function normalise(word: string): string {
  const plain = word
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/^\//, "");
  // "credito?" is "credito"; a lone "?" stays a question.
  return plain.replace(/[.,;:!?]+$/, "") || plain;
}

/** A line named by its number, or by its place (1, 2, ...) in the customer's list. */
export function resolveLine(
  argument: string,
  lines: string[],
): string | undefined {
  if (lines.includes(argument)) return argument;

  const place = /^[0-9]{1,2}$/.test(argument) ? Number(argument) : 0;
  return place >= 1 && place <= lines.length ? lines[place - 1] : undefined;
}
