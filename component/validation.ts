// Validates payloads against the JSON Schemas in schemas/, compiled once at
// start (ajv). A failure names the field and the rule, never the value.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

import { TelcoError } from "./errors";

export type Direction = "request" | "response";

export class PayloadValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(schemaDir: string = findSchemaDir()) {
    const ajv = new Ajv({ strict: true, allErrors: false });
    addFormats(ajv);

    const files = readdirSync(schemaDir).filter((name) =>
      name.endsWith(".json"),
    );
    const schemas = files.map((file) => ({
      file,
      schema: JSON.parse(readFileSync(join(schemaDir, file), "utf8")),
    }));
    for (const { schema } of schemas) ajv.addSchema(schema);

    for (const { file, schema } of schemas) {
      const validate = ajv.getSchema(schema.$id);
      if (validate && /\.(request|response)\.json$/.test(file))
        this.validators.set(file, validate);
    }
  }

  has(action: string, direction: Direction): boolean {
    return this.validators.has(`${action}.${direction}.json`);
  }

  /** Throws INVALID_PAYLOAD naming the first field that breaks the schema. */
  assertValid(action: string, direction: Direction, payload: unknown): void {
    const validate = this.validators.get(`${action}.${direction}.json`);
    if (!validate) throw new Error(`no ${direction} schema for ${action}`);

    if (!validate(payload)) {
      throw new TelcoError(
        "INVALID_PAYLOAD",
        describeErrors(validate.errors ?? []),
      );
    }
  }
}

/**
 * With allErrors off, ajv stops at the first failing rule; for an `anyOf`
 * (such as "code or cardInfo") that first error names only one branch, so
 * the alternatives are listed instead.
 */
export function describeErrors(errors: ErrorObject[]): string {
  const anyOf = errors.find((error) => error.keyword === "anyOf");
  if (!anyOf) return describe(errors[0]);

  const choices = errors
    .filter(
      (error) =>
        error.keyword === "required" &&
        error.instancePath === anyOf.instancePath,
    )
    .map(
      (error) => (error.params as { missingProperty: string }).missingProperty,
    );
  const field = anyOf.instancePath.slice(1).replace(/\//g, ".") || "payload";
  return choices.length > 0
    ? `field ${field} needs one of: ${choices.join(", ")}`
    : describe(errors[0]);
}

/** "field msisdn must match pattern ..." from an ajv error, without the data. */
export function describe(error: ErrorObject | undefined): string {
  if (!error) return "payload does not match its schema";

  const parent = error.instancePath.slice(1).replace(/\//g, ".");
  const params = error.params as Record<string, unknown>;
  const child = (params.missingProperty ?? params.additionalProperty) as
    string | undefined;
  const field = [parent, child].filter(Boolean).join(".") || "payload";

  if (error.keyword === "required") return `field ${field} is required`;
  if (error.keyword === "additionalProperties")
    return `field ${field} is not allowed`;
  return `field ${field} ${error.message ?? "is invalid"}`;
}

/** schemas/ sits at the project root, above both the sources and dist/. */
function findSchemaDir(): string {
  for (const up of ["..", "../..", "../../.."]) {
    const candidate = resolve(__dirname, up, "schemas");
    if (existsSync(join(candidate, "common.json"))) return candidate;
  }
  throw new Error(`schemas/ not found above ${__dirname}`);
}
