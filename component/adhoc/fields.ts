// Reading the fields of a submitted stage: present, one of the choices
// offered, a real date. Each failure names the field by its label.
import type { Option } from "./data-form";
import { FieldError, type FlowContext } from "./flow";
import type { Submission } from "./submission";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function requiredValue(
  ctx: FlowContext,
  submission: Submission,
  name: string,
  label: string,
): string {
  const value = submission.value(name);
  if (value === undefined)
    throw new FieldError(ctx.messages.notes.required(label));
  return value;
}

/** A list-single answer must be one of the options: a client may send anything. */
export function requiredChoice(
  ctx: FlowContext,
  submission: Submission,
  name: string,
  label: string,
  options: Option[],
): string {
  const value = requiredValue(ctx, submission, name, label);
  if (!options.some((option) => option.value === value))
    throw new FieldError(ctx.messages.notes.notAChoice(label));
  return value;
}

/** A calendar date as YYYY-MM-DD (XEP-0122 xs:date), checked to exist. */
export function requiredDate(
  ctx: FlowContext,
  submission: Submission,
  name: string,
  label: string,
): string {
  const value = requiredValue(ctx, submission, name, label);
  const match = DATE.exec(value);
  const date = new Date(`${value}T00:00:00Z`);

  if (
    !match ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  )
    throw new FieldError(ctx.messages.notes.notADate(label));
  return value;
}
