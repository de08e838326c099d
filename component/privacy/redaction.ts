// Log redaction: the field names whose values never reach a log line.
// pino censors these paths wherever a caller passes such an object by mistake.

const SECRET_FIELDS = [
  "password",
  "secret",
  "token",
  "cardNumber",
  "securityCode",
  "PUK",
  "msisdn",
  "msisdnToRecharge",
  "username",
  "payload",
];

/** Each field at the top level and one or two levels down. */
export const redactPaths: string[] = SECRET_FIELDS.flatMap((field) => [
  field,
  `*.${field}`,
  `*.*.${field}`,
]);

export const CENSOR = "[redacted]";
