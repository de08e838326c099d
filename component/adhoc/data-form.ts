// XEP-0004 Data Forms, as the component writes them: a form to fill in, or a
// result with fields, or a table (§3.4: a <reported/> header and <item/> rows).
import xml, { type Element } from "@xmpp/xml";

import { NS_DATA_FORMS, NS_FORM_VALIDATE } from "../protocol/namespaces";

export type FieldType =
  | "boolean"
  | "fixed"
  | "hidden"
  | "list-single"
  | "text-multi"
  | "text-private"
  | "text-single";

export interface Option {
  label: string;
  value: string;
}

export interface Field {
  var?: string;
  type: FieldType;
  label?: string;
  required?: boolean;
  values?: string[];
  options?: Option[];
  /** XEP-0122: a datatype the client may check before sending. */
  datatype?: "xs:date";
}

export interface Table {
  columns: Array<{ var: string; label: string }>;
  rows: Array<Record<string, string>>;
}

export interface DataForm {
  type: "form" | "result";
  title?: string;
  instructions?: string;
  fields?: Field[];
  table?: Table;
}

export function formElement(form: DataForm): Element {
  return xml(
    "x",
    { xmlns: NS_DATA_FORMS, type: form.type },
    form.title === undefined ? undefined : xml("title", {}, form.title),
    form.instructions === undefined
      ? undefined
      : xml("instructions", {}, form.instructions),
    ...(form.fields ?? []).map(fieldElement),
    ...(form.table ? tableElements(form.table) : []),
  );
}

function fieldElement(field: Field): Element {
  return xml(
    "field",
    { var: field.var, type: field.type, label: field.label },
    field.required ? xml("required") : undefined,
    field.datatype
      ? xml(
          "validate",
          { xmlns: NS_FORM_VALIDATE, datatype: field.datatype },
          xml("basic"),
        )
      : undefined,
    ...(field.options ?? []).map((option) =>
      xml("option", { label: option.label }, xml("value", {}, option.value)),
    ),
    ...(field.values ?? []).map((value) => xml("value", {}, value)),
  );
}

function tableElements(table: Table): Element[] {
  const reported = xml(
    "reported",
    {},
    ...table.columns.map((column) =>
      xml("field", {
        var: column.var,
        label: column.label,
        type: "text-single",
      }),
    ),
  );
  const items = table.rows.map((row) =>
    xml(
      "item",
      {},
      ...table.columns.map((column) =>
        xml(
          "field",
          { var: column.var },
          xml("value", {}, row[column.var] ?? ""),
        ),
      ),
    ),
  );
  return [reported, ...items];
}
