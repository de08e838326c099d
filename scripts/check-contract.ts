// Validates the telco backend contract (contract/telco-backend.openapi.yaml)
// against the OpenAPI 3.1 specification, its $refs into schemas/ resolved:
// `npm run contract:check`, a step of `npm test`.
import { resolve } from "node:path";

import SwaggerParser from "@apidevtools/swagger-parser";

const CONTRACT = resolve(
  __dirname,
  "..",
  "..",
  "contract",
  "telco-backend.openapi.yaml",
);

async function main(): Promise<void> {
  try {
    const api = await SwaggerParser.validate(CONTRACT);
    const operations = Object.keys(api.paths ?? {}).length;
    console.log(
      `contract valid: ${api.info.title} ${api.info.version}, ${operations} operations`,
    );
  } catch (err) {
    console.error(`contract invalid: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}

void main();
