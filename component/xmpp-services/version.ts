// XEP-0092 Software Version: our name and version, read from package.json.
// The operating system is left out, as §5 of the XEP allows, so as not to
// tell an attacker more than needed.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

import xml from "@xmpp/xml";

import { NS_VERSION } from "../protocol/namespaces";
import type { IqService } from "./iq-router";

export interface Software {
  name: string;
  version: string;
}

export function softwareVersion(software: Software): IqService {
  return {
    ns: NS_VERSION,
    name: "query",
    get: () =>
      xml(
        "query",
        { xmlns: NS_VERSION },
        xml("name", {}, software.name),
        xml("version", {}, software.version),
      ),
  };
}

/** package.json sits at the project root, above both the sources and dist/. */
export function readSoftware(): Software {
  for (const up of ["..", "../..", "../../.."]) {
    const file = resolve(__dirname, up, "package.json");
    if (!existsSync(file)) continue;

    const { name, version } = JSON.parse(readFileSync(file, "utf8"));
    if (typeof name === "string" && typeof version === "string")
      return { name, version };
  }
  throw new Error(`package.json not found above ${__dirname}`);
}
