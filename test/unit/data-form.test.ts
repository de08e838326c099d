import xml from "@xmpp/xml";

import { formElement } from "../../component/adhoc/data-form";
import { Submission } from "../../component/adhoc/submission";
import {
  NS_DATA_FORMS,
  NS_FORM_VALIDATE,
} from "../../component/protocol/namespaces";

describe("formElement", () => {
  it("writes each field with its type, label, required mark, options and value", () => {
    const form = formElement({
      type: "form",
      title: "Ricarica",
      instructions: "Scegli l'importo.",
      fields: [
        {
          var: "amount",
          type: "list-single",
          label: "Importo",
          required: true,
          options: [{ label: "5,00 EUR", value: "5" }],
          values: ["5"],
        },
        { var: "from", type: "text-single", label: "Dal", datatype: "xs:date" },
      ],
    });

    expect(form.attrs).toEqual({ xmlns: NS_DATA_FORMS, type: "form" });
    expect(form.getChildText("title")).toBe("Ricarica");
    const [amount, from] = form.getChildren("field");
    expect(amount.attrs).toEqual({
      var: "amount",
      type: "list-single",
      label: "Importo",
    });
    expect(amount.getChild("required")).toBeDefined();
    expect(amount.getChild("option")?.attrs.label).toBe("5,00 EUR");
    expect(amount.getChild("option")?.getChildText("value")).toBe("5");
    expect(amount.getChildText("value")).toBe("5");
    expect(from.getChild("validate", NS_FORM_VALIDATE)?.attrs.datatype).toBe(
      "xs:date",
    );
    expect(from.getChild("required")).toBeUndefined();
  });

  it("writes a table as one reported header and one item per row (XEP-0004 §3.4)", () => {
    const form = formElement({
      type: "result",
      table: {
        columns: [
          { var: "card", label: "Carta" },
          { var: "owner", label: "Intestatario" },
        ],
        rows: [
          { card: "**** 4239", owner: "Mario Rossi" },
          { card: "**** 1111", owner: "Anna Bianchi" },
        ],
      },
    });

    const reported = form.getChild("reported")!;
    expect(reported.getChildren("field").map((f) => f.attrs.label)).toEqual([
      "Carta",
      "Intestatario",
    ]);
    const items = form.getChildren("item");
    expect(items).toHaveLength(2);
    expect(
      items[1].getChildren("field").map((f) => f.getChildText("value")),
    ).toEqual(["**** 1111", "Anna Bianchi"]);
  });
});

describe("Submission", () => {
  const command = (type: string, ...fields: Array<[string, string[]]>) =>
    xml(
      "command",
      {},
      xml(
        "x",
        { xmlns: NS_DATA_FORMS, type },
        ...fields.map(([name, values]) =>
          xml(
            "field",
            { var: name },
            ...values.map((v) => xml("value", {}, v)),
          ),
        ),
      ),
    );

  it("reads the first value of a field, trimmed", () => {
    const submission = Submission.of(
      command("submit", ["line", ["  3404589485 ", "other"]]),
    );
    expect(submission.value("line")).toBe("3404589485");
  });

  it("reads a blank or missing field as no answer", () => {
    const submission = Submission.of(
      command("submit", ["line", ["   "]], ["amount", []]),
    );

    expect(submission.value("line")).toBeUndefined();
    expect(submission.value("amount")).toBeUndefined();
    expect(submission.value("absent")).toBeUndefined();
  });

  it("ignores a form that is not a submission, and a command without a form", () => {
    expect(
      Submission.of(command("cancel", ["line", ["3404589485"]])).value("line"),
    ).toBeUndefined();
    expect(Submission.of(xml("command")).value("line")).toBeUndefined();
  });

  it("cuts an overlong value short", () => {
    const submission = Submission.of(
      command("submit", ["note", ["x".repeat(5000)]]),
    );
    expect(submission.value("note")).toHaveLength(1000);
  });
});
