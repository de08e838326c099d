// XEP-0050 Ad-Hoc Commands: walks a customer through a command's stages
// (§3.3: execute, next, prev, complete, cancel), keeping the session in
// Redis so that any component instance can serve the next step. Every telco
// action runs through the same command modules as an oob request.
import type { Element } from "@xmpp/xml";

import type { AnswerDeps } from "../answer";
import { NS_COMMANDS } from "../protocol/namespaces";
import type { Language } from "../text/language";
import { messagesFor } from "../text/messages";
import type { CommandDirectory } from "../xmpp-services/disco";
import type { IqContext, IqService } from "../xmpp-services/iq-router";
import {
  badRequest,
  itemNotFound,
  StanzaError,
} from "../xmpp-services/stanza-error";
import { commandError, endingNote } from "./command-errors";
import {
  commandElement,
  readCommand,
  type CommandRequest,
  type CommandResponse,
  type Note,
} from "./command-xml";
import { FieldError, type Flow, type FlowContext } from "./flow";
import { flowContext } from "./flow-context";
import {
  isSessionId,
  newSessionId,
  type AdhocSession,
  type AdhocSessionStore,
} from "./session-store";

export class AdhocCommands implements CommandDirectory {
  private readonly flows: ReadonlyMap<string, Flow>;

  constructor(
    private readonly deps: AnswerDeps,
    private readonly store: AdhocSessionStore,
    flows: readonly Flow[],
  ) {
    this.flows = new Map(flows.map((flow) => [flow.node, flow]));
  }

  commands(lang: Language): Array<{ node: string; name: string }> {
    const { commands } = messagesFor(lang);
    return [...this.flows.values()].map((flow) => ({
      node: flow.node,
      name: commands[flow.title],
    }));
  }

  listName(lang: Language): string {
    return messagesFor(lang).commandList;
  }

  service(): IqService {
    return { ns: NS_COMMANDS, name: "command", set: (iq) => this.execute(iq) };
  }

  private async execute(iq: IqContext): Promise<Element> {
    const request = readCommand(iq.payload);
    const flow = this.flows.get(request.node);
    if (!flow)
      throw itemNotFound(`no such command: ${request.node.slice(0, 64)}`);
    if (!request.action) throw commandError(badRequest(), "malformed-action");

    const response = await this.step(flow, request, iq);
    iq.log.info(
      { node: flow.node, action: request.action, status: response.status },
      "ad-hoc command step answered",
    );
    return commandElement(response);
  }

  private async step(
    flow: Flow,
    request: CommandRequest,
    iq: IqContext,
  ): Promise<CommandResponse> {
    const sessionId = request.sessionId ?? newSessionId();
    const ctx = flowContext(iq, sessionId, this.deps);

    if (request.sessionId === undefined) {
      return this.settle(flow, ctx, () => this.begin(flow, request, ctx));
    }

    const state = await this.load(flow, request.sessionId, iq.sender);
    return this.settle(flow, ctx, () =>
      this.advance(flow, state, request, ctx),
    );
  }

  /** §3.3: the first execute; a command without stages completes at once. */
  private async begin(
    flow: Flow,
    request: CommandRequest,
    ctx: FlowContext,
  ): Promise<CommandResponse> {
    if (request.action === "cancel") return canceled(flow, ctx);
    if (flow.needsLogin) await ctx.session();
    if (flow.stages.length === 0) return this.finish(flow, {}, ctx);

    const state: AdhocSession = { node: flow.node, stage: 0, values: {} };
    await this.store.save(ctx.sender, ctx.sessionId, state);
    return this.executing(flow, state, ctx);
  }

  private async advance(
    flow: Flow,
    state: AdhocSession,
    request: CommandRequest,
    ctx: FlowContext,
  ): Promise<CommandResponse> {
    const last = state.stage === flow.stages.length - 1;

    if (request.action === "cancel") {
      await this.store.remove(ctx.sender, ctx.sessionId);
      return canceled(flow, ctx);
    }
    if (request.action === "prev") return this.back(flow, state, ctx);
    if (
      (request.action === "next" && last) ||
      (request.action === "complete" && !last)
    )
      throw commandError(badRequest(), "bad-action");

    let values;
    try {
      values = await flow.stages[state.stage].read(
        ctx,
        request.submission,
        state.values,
      );
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      return this.executing(flow, state, ctx, {
        type: "error",
        text: err.note,
      });
    }

    const collected = { ...state.values, ...values };
    if (last) {
      // Removed first: what the last stage holds (a password) is never stored.
      await this.store.remove(ctx.sender, ctx.sessionId);
      return this.finish(flow, collected, ctx);
    }

    const next = { ...state, stage: state.stage + 1, values: collected };
    await this.store.save(ctx.sender, ctx.sessionId, next);
    return this.executing(flow, next, ctx);
  }

  private async back(
    flow: Flow,
    state: AdhocSession,
    ctx: FlowContext,
  ): Promise<CommandResponse> {
    if (state.stage === 0) throw commandError(badRequest(), "bad-action");

    const previous = { ...state, stage: state.stage - 1 };
    await this.store.save(ctx.sender, ctx.sessionId, previous);
    return this.executing(flow, previous, ctx);
  }

  private async executing(
    flow: Flow,
    state: AdhocSession,
    ctx: FlowContext,
    note?: Note,
  ): Promise<CommandResponse> {
    const form = await flow.stages[state.stage].form(ctx, state.values);
    const last = state.stage === flow.stages.length - 1;
    const actions: CommandResponse["actions"] = [
      ...(state.stage > 0 ? (["prev"] as const) : []),
      last ? "complete" : "next",
    ];

    return {
      node: flow.node,
      sessionId: ctx.sessionId,
      status: "executing",
      actions,
      defaultAction: last ? "complete" : "next",
      form: { title: ctx.messages.commands[flow.title], ...form },
      note,
    };
  }

  private async finish(
    flow: Flow,
    values: Record<string, string>,
    ctx: FlowContext,
  ): Promise<CommandResponse> {
    const outcome = await flow.complete(ctx, values);
    return {
      node: flow.node,
      sessionId: ctx.sessionId,
      status: "completed",
      ...outcome,
    };
  }

  /** A missing login or a failed telco action ends the command with a note that says why. */
  private async settle(
    flow: Flow,
    ctx: FlowContext,
    run: () => Promise<CommandResponse>,
  ): Promise<CommandResponse> {
    try {
      return await run();
    } catch (err) {
      const text = endingNote(err, ctx);
      if (text === undefined) throw err;

      await this.store.remove(ctx.sender, ctx.sessionId);
      return {
        node: flow.node,
        sessionId: ctx.sessionId,
        status: "completed",
        note: { type: "error", text },
      };
    }
  }

  /** §4.6: a session we never issued is a bad request; one that lapsed has expired. */
  private async load(
    flow: Flow,
    sessionId: string,
    sender: string,
  ): Promise<AdhocSession> {
    if (!isSessionId(sessionId))
      throw commandError(badRequest(), "bad-sessionid");

    const state = await this.store.load(sender, sessionId);
    if (!state)
      throw commandError(
        new StanzaError("not-allowed", "cancel"),
        "session-expired",
      );
    if (state.node !== flow.node)
      throw commandError(badRequest(), "bad-sessionid");
    return state;
  }
}

function canceled(flow: Flow, ctx: FlowContext): CommandResponse {
  return {
    node: flow.node,
    sessionId: ctx.sessionId,
    status: "canceled",
    note: { type: "info", text: ctx.messages.notes.canceled },
  };
}
