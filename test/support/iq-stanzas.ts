// Builds IQ requests for tests (disco, ping, version, ad-hoc commands) and
// reads the answers: a stanza error's condition, a command's status, form
// fields, table rows and note.
import xml, { type Element } from "@xmpp/xml";

import {
  NS_COMMANDS,
  NS_DATA_FORMS,
  NS_STANZAS,
} from "../../component/protocol/namespaces";
import { uniqueId } from "./stanzas";

export function iqRequest(
  to: string,
  type: "get" | "set",
  ...children: Element[]
): Element {
  return xml("iq", { to, type, id: uniqueId("iq") }, ...children);
}

export function query(ns: string, node?: string): Element {
  return xml("query", { xmlns: ns, node });
}

/** The defined condition of an IQ error, and XEP-0050's own one if any. */
export function errorOf(iq: Element): {
  type: string | undefined;
  condition: string | undefined;
  application: string | undefined;
} {
  const error = iq.getChild("error");
  const children = error?.getChildElements() ?? [];
  return {
    type: error?.attrs.type,
    condition: children.find(
      (c) => c.attrs.xmlns === NS_STANZAS && c.name !== "text",
    )?.name,
    application: children.find((c) => c.attrs.xmlns === NS_COMMANDS)?.name,
  };
}

export interface CommandStep {
  action?: string;
  sessionId?: string;
  fields?: Record<string, string>;
}

export function commandIq(
  to: string,
  node: string,
  step: CommandStep = {},
): Element {
  const form = step.fields
    ? xml(
        "x",
        { xmlns: NS_DATA_FORMS, type: "submit" },
        ...Object.entries(step.fields).map(([name, value]) =>
          xml("field", { var: name }, xml("value", {}, value)),
        ),
      )
    : undefined;

  return iqRequest(
    to,
    "set",
    xml(
      "command",
      {
        xmlns: NS_COMMANDS,
        node,
        action: step.action,
        sessionid: step.sessionId,
      },
      form,
    ),
  );
}

export interface FieldView {
  type: string | undefined;
  label: string | undefined;
  required: boolean;
  values: string[];
  options: string[];
}

export interface CommandView {
  status: string | undefined;
  sessionId: string | undefined;
  actions: string[];
  defaultAction: string | undefined;
  formType: string | undefined;
  fields: Record<string, FieldView>;
  /** Table rows of a result (XEP-0004 <item/>s), by field name. */
  rows: Array<Record<string, string>>;
  note: { type: string | undefined; text: string } | undefined;
}

export function readCommandReply(iq: Element): CommandView {
  const command = iq.getChild("command", NS_COMMANDS);
  if (!command) throw new Error(`not a command reply: ${iq.toString()}`);
  const actions = command.getChild("actions");
  const form = command.getChild("x", NS_DATA_FORMS);
  const note = command.getChild("note");

  return {
    status: command.attrs.status,
    sessionId: command.attrs.sessionid,
    actions: actions?.getChildElements().map((el) => el.name) ?? [],
    defaultAction: actions?.attrs.execute,
    formType: form?.attrs.type,
    fields: Object.fromEntries(
      (form?.getChildren("field") ?? [])
        .filter((f) => f.attrs.var)
        .map((f) => [f.attrs.var, fieldView(f)]),
    ),
    rows: (form?.getChildren("item") ?? []).map((item) =>
      Object.fromEntries(
        item
          .getChildren("field")
          .map((f) => [f.attrs.var ?? "", f.getChildText("value") ?? ""]),
      ),
    ),
    note: note ? { type: note.attrs.type, text: note.text() } : undefined,
  };
}

function fieldView(field: Element): FieldView {
  return {
    type: field.attrs.type,
    label: field.attrs.label,
    required: field.getChild("required") !== undefined,
    values: field.getChildren("value").map((v) => v.text()),
    options: field
      .getChildren("option")
      .map((o) => o.getChildText("value") ?? ""),
  };
}
