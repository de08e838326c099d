// The <command/> element of XEP-0050 Ad-Hoc Commands: reading a request
// (§3.2: node, action, sessionid) and writing a response (§3.4: status,
// allowed actions, a data form, notes).
import xml, { type Element } from "@xmpp/xml";

import { NS_COMMANDS } from "../protocol/namespaces";
import { formElement, type DataForm } from "./data-form";
import { Submission } from "./submission";

export const ACTIONS = [
  "execute",
  "next",
  "prev",
  "complete",
  "cancel",
] as const;
export type Action = (typeof ACTIONS)[number];

export interface CommandRequest {
  node: string;
  /** §3.2: no action means "execute". */
  action: Action | undefined;
  sessionId: string | undefined;
  submission: Submission;
}

export interface Note {
  type: "info" | "warn" | "error";
  text: string;
}

export interface CommandResponse {
  node: string;
  sessionId: string;
  status: "executing" | "completed" | "canceled";
  /** While executing: what the customer may do next, the first being the default. */
  actions?: Array<"prev" | "next" | "complete">;
  defaultAction?: "next" | "complete";
  form?: DataForm;
  note?: Note;
}

export function readCommand(command: Element): CommandRequest {
  const action = command.attrs.action ?? "execute";

  return {
    node: command.attrs.node ?? "",
    action: (ACTIONS as readonly string[]).includes(action)
      ? (action as Action)
      : undefined,
    sessionId: command.attrs.sessionid,
    submission: Submission.of(command),
  };
}

export function commandElement(response: CommandResponse): Element {
  const actions =
    response.status === "executing" && response.actions
      ? xml(
          "actions",
          { execute: response.defaultAction },
          ...response.actions.map((action) => xml(action)),
        )
      : undefined;

  return xml(
    "command",
    {
      xmlns: NS_COMMANDS,
      node: response.node,
      sessionid: response.sessionId,
      status: response.status,
    },
    actions,
    response.form ? formElement(response.form) : undefined,
    response.note
      ? xml("note", { type: response.note.type }, response.note.text)
      : undefined,
  );
}
