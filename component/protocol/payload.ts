// Reads a request's JSON payload, tolerant of the spec's own quirks
// (docs/protocol.md, "Tolerances"): leading-zero numbers, keys with trailing
// spaces, an empty <payload />.
import { TelcoError } from "../errors";

export type JsonObject = { [key: string]: unknown };

// A bare integer literal with a leading zero, such as the spec's `00030`.
const LEADING_ZERO_INTEGER = /^-?0[0-9]+$/;
const NUMBER_TOKEN = /-?[0-9][0-9.eE+-]*/y;

export function readPayload(text: string): JsonObject {
  if (text.trim() === "") return {};

  const parsed = parseJson(quoteLeadingZeroNumbers(text));
  if (!isPlainObject(parsed)) {
    throw new TelcoError("INVALID_PAYLOAD", "payload must be a JSON object");
  }

  return trimKeys(parsed, "");
}

/**
 * COMPAT: the spec sends `"value": 00030`, which JSON forbids. Such a literal
 * becomes the string "00030" so that its digits survive (docs/protocol.md).
 */
export function quoteLeadingZeroNumbers(text: string): string {
  let out = "";
  let i = 0;

  while (i < text.length) {
    const char = text[i];

    if (char === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (char === "-" || (char >= "0" && char <= "9")) {
      NUMBER_TOKEN.lastIndex = i;
      const token = NUMBER_TOKEN.exec(text)?.[0] ?? char;
      out += LEADING_ZERO_INTEGER.test(token) ? `"${token}"` : token;
      i += token.length;
    } else {
      out += char;
      i += 1;
    }
  }

  return out;
}

/** Index just past the string literal that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;

  while (i < text.length) {
    if (text[i] === "\\") i += 2;
    else if (text[i] === '"') return i + 1;
    else i += 1;
  }

  return text.length;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new TelcoError("BAD_JSON", describeJsonError(err, text));
  }
}

/**
 * V8's messages can quote the input, which may hold a password: keep only
 * the position, as a line and column.
 */
function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : "";
  const match = /position (\d+)/.exec(message);
  if (!match) return "unexpected token or end of input";

  const before = text.slice(0, Number(match[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `syntax error at line ${line}, column ${column}`;
}

/** COMPAT: the spec writes `"msisdn ": ...`; keys are read without outer spaces. */
function trimKeys(value: JsonObject, path: string): JsonObject {
  const out: JsonObject = {};

  for (const [rawKey, child] of Object.entries(value)) {
    const key = rawKey.trim();
    if (Object.prototype.hasOwnProperty.call(out, key)) {
      throw new TelcoError(
        "INVALID_PAYLOAD",
        `field ${path}${key} appears twice`,
      );
    }
    out[key] = isPlainObject(child) ? trimKeys(child, `${path}${key}.`) : child;
  }

  return out;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
