// A submitted XEP-0004 form (§3.3, type "submit"): the values by field name.
import type { Element } from "@xmpp/xml";

import { NS_DATA_FORMS } from "../protocol/namespaces";

// A form is small: a bound on what is read keeps a hostile one cheap.
const MAX_FIELDS = 50;
const MAX_VALUE_LENGTH = 1000;

export class Submission {
  private constructor(private readonly values: Map<string, string[]>) {}

  static empty(): Submission {
    return new Submission(new Map());
  }

  /** The fields of the <x type="submit"/> in a command, if it has one. */
  static of(parent: Element): Submission {
    const form = parent.getChild("x", NS_DATA_FORMS);
    if (!form || form.attrs.type !== "submit") return Submission.empty();

    const values = new Map<string, string[]>();
    for (const field of form.getChildren("field").slice(0, MAX_FIELDS)) {
      const name = field.attrs.var;
      if (!name) continue;
      values.set(
        name,
        field
          .getChildren("value")
          .map((value) => value.text().slice(0, MAX_VALUE_LENGTH)),
      );
    }
    return new Submission(values);
  }

  /** The first value of a field, trimmed; undefined when absent or blank. */
  value(name: string): string | undefined {
    const value = this.values.get(name)?.[0]?.trim();
    return value ? value : undefined;
  }
}
