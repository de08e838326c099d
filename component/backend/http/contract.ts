// The telco backend contract (contract/telco-backend.openapi.yaml), read and
// compiled once: each operation's path, the statuses it may answer, and the
// JSON Schemas of its request and success reply (Ajv, JSON Schema 2020-12,
// the dialect of OpenAPI 3.1). Both the HTTP adapter and the reference
// server hold every message to it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

import type { TelcoBackend } from "../telco-backend";

export type OperationId = Exclude<keyof TelcoBackend, "close">;

export interface Operation {
  id: OperationId;
  path: string;
  /** 200, or 204 for an operation that answers no body. */
  successStatus: number;
  /** Every status the operation lists, "default" aside. */
  statuses: number[];
  validateRequest: ValidateFunction;
  /** Absent when the success reply has no body. */
  validateReply?: ValidateFunction;
}

// The contract sits in contract/, the schemas in schemas/: with this id, its
// "../schemas/common.json" refs land on the $id of each schema file.
const CONTRACT_ID =
  "https://xmpp-telco-component/contract/telco-backend.openapi.yaml";
const CONTRACT_FILE = join("contract", "telco-backend.openapi.yaml");
const JSON_MEDIA = "application/json";
// OpenAPI's own members at the top of the document: annotations to Ajv.
const OPENAPI_MEMBERS = [
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "paths",
  "webhooks",
  "components",
  "security",
  "tags",
  "externalDocs",
];

interface ResponseObject {
  $ref?: string;
  content?: Record<string, unknown>;
}

interface OperationObject {
  operationId: OperationId;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, ResponseObject>;
}

interface OpenApiDocument {
  paths: Record<string, { post?: OperationObject }>;
  components?: { responses?: Record<string, ResponseObject> };
}

export class BackendContract {
  private readonly byId = new Map<OperationId, Operation>();
  readonly validateProblem: ValidateFunction;

  constructor(document: OpenApiDocument, schemaDir: string) {
    const ajv = compilerFor(document, schemaDir);
    this.validateProblem = schemaAt(ajv, "components", "schemas", "Problem");

    for (const [path, item] of Object.entries(document.paths)) {
      if (item.post)
        this.byId.set(
          item.post.operationId,
          read(ajv, document, path, item.post),
        );
    }
  }

  operation(id: OperationId): Operation {
    const operation = this.byId.get(id);
    if (!operation)
      throw new Error(`the backend contract has no operation ${id}`);
    return operation;
  }

  get operations(): Operation[] {
    return [...this.byId.values()];
  }
}

let loaded: BackendContract | undefined;

/** The contract of this repository, compiled on first use and kept. */
export function backendContract(): BackendContract {
  loaded ??= loadContract(findRoot());
  return loaded;
}

export function loadContract(root: string): BackendContract {
  const text = readFileSync(join(root, CONTRACT_FILE), "utf8");
  return new BackendContract(parse(text), join(root, "schemas"));
}

function compilerFor(document: OpenApiDocument, schemaDir: string): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_MEMBERS);

  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".json")))
    ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, file), "utf8")));
  ajv.addSchema({ ...document, $id: CONTRACT_ID });
  return ajv;
}

function read(
  ajv: Ajv2020,
  document: OpenApiDocument,
  path: string,
  post: OperationObject,
): Operation {
  const statuses = Object.keys(post.responses)
    .filter((key) => key !== "default")
    .map(Number);
  const successStatus = statuses.find((status) => status < 300) ?? 200;
  const success = responseAt(document, post.responses[String(successStatus)], [
    "paths",
    path,
    "post",
    "responses",
    String(successStatus),
  ]);

  return {
    id: post.operationId,
    path,
    successStatus,
    statuses,
    validateRequest: schemaAt(
      ajv,
      "paths",
      path,
      "post",
      "requestBody",
      "content",
      JSON_MEDIA,
      "schema",
    ),
    validateReply: success.object.content?.[JSON_MEDIA]
      ? schemaAt(ajv, ...success.at, "content", JSON_MEDIA, "schema")
      : undefined,
  };
}

/** A response, following a $ref into components/responses; and where it sits. */
function responseAt(
  document: OpenApiDocument,
  response: ResponseObject | undefined,
  at: string[],
): { object: ResponseObject; at: string[] } {
  const name = response?.$ref?.match(/^#\/components\/responses\/(.+)$/)?.[1];
  if (!name) return { object: response ?? {}, at };

  const object = document.components?.responses?.[name] ?? {};
  return { object, at: ["components", "responses", name] };
}

/** The compiled schema at a JSON pointer into the contract (RFC 6901). */
function schemaAt(ajv: Ajv2020, ...parts: string[]): ValidateFunction {
  const escape = (part: string) =>
    encodeURIComponent(part.replace(/~/g, "~0").replace(/\//g, "~1"));
  const ref = `${CONTRACT_ID}#/${parts.map(escape).join("/")}`;

  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema at ${ref}`);
  return validate;
}

/** The project root: it holds contract/ and schemas/, above sources and dist/. */
function findRoot(): string {
  for (const up of ["..", "../..", "../../..", "../../../.."]) {
    const candidate = resolve(__dirname, up);
    if (existsSync(join(candidate, CONTRACT_FILE))) return candidate;
  }
  throw new Error(`${CONTRACT_FILE} not found above ${__dirname}`);
}
