import xml, { type Element } from "@xmpp/xml";

import { TelcoError } from "../../component/errors";
import { NS_STANZAS } from "../../component/protocol/namespaces";
import { IqRouter } from "../../component/xmpp-services/iq-router";
import { StanzaError } from "../../component/xmpp-services/stanza-error";
import { capturingLogger } from "./fakes";

const NS_TEST = "urn:example:test";

function iq(type: string, ...children: Element[]): Element {
  return xml(
    "iq",
    { type, id: "q1", from: "alice@localhost/phone", to: "telco.localhost" },
    ...children,
  );
}

function condition(reply: Element) {
  const error = reply.getChild("error");
  return {
    type: error?.attrs.type,
    condition: error
      ?.getChildElements()
      .find((el) => el.attrs.xmlns === NS_STANZAS && el.name !== "text")?.name,
    text: error?.getChildText("text", NS_STANZAS) ?? undefined,
  };
}

function setUp(
  handler: () => Element | undefined | Promise<Element | undefined>,
) {
  const logger = capturingLogger();
  const router = new IqRouter("it").serve({
    ns: NS_TEST,
    name: "query",
    get: handler,
  });
  return {
    router,
    logger,
    ask: (stanza: Element) => router.answer(stanza, logger.log),
  };
}

describe("IqRouter", () => {
  it("answers a served request with a result addressed back to the requester", async () => {
    const { ask } = setUp(() => xml("query", { xmlns: NS_TEST }, xml("ok")));
    const reply = await ask(iq("get", xml("query", { xmlns: NS_TEST })));

    expect(reply.attrs).toEqual({
      type: "result",
      id: "q1",
      to: "alice@localhost/phone",
      from: "telco.localhost",
    });
    expect(reply.getChild("query", NS_TEST)?.getChild("ok")).toBeDefined();
  });

  it("answers an empty result when the handler returns nothing", async () => {
    const { ask } = setUp(() => undefined);
    const reply = await ask(iq("get", xml("query", { xmlns: NS_TEST })));

    expect(reply.attrs.type).toBe("result");
    expect(reply.getChildElements()).toHaveLength(0);
  });

  it("refuses an unknown namespace with service-unavailable (RFC 6120 §8.4)", async () => {
    const { ask } = setUp(() => undefined);
    const reply = await ask(
      iq("get", xml("query", { xmlns: "urn:example:other" })),
    );

    expect(condition(reply)).toMatchObject({
      type: "cancel",
      condition: "service-unavailable",
    });
  });

  it("refuses a type the namespace does not serve with feature-not-implemented", async () => {
    const { ask } = setUp(() => undefined);
    expect(
      condition(await ask(iq("set", xml("query", { xmlns: NS_TEST }))))
        .condition,
    ).toBe("feature-not-implemented");
  });

  it("refuses an IQ with no child or two children with bad-request", async () => {
    const { ask } = setUp(() => undefined);
    const none = await ask(iq("get"));
    const two = await ask(
      iq(
        "get",
        xml("query", { xmlns: NS_TEST }),
        xml("query", { xmlns: NS_TEST }),
      ),
    );

    expect(condition(none)).toMatchObject({
      type: "modify",
      condition: "bad-request",
    });
    expect(condition(two).condition).toBe("bad-request");
  });

  it("passes a handler's own stanza error as it is", async () => {
    const { ask } = setUp(() => {
      throw new StanzaError("item-not-found", "cancel", "no such node");
    });
    expect(
      condition(await ask(iq("get", xml("query", { xmlns: NS_TEST })))),
    ).toEqual({
      type: "cancel",
      condition: "item-not-found",
      text: "no such node",
    });
  });

  it("answers a crash with a bare internal-server-error and logs it at error", async () => {
    const { ask, logger } = setUp(() => {
      throw new Error("disk on fire at /var/lib/telco");
    });
    const reply = await ask(iq("get", xml("query", { xmlns: NS_TEST })));

    expect(condition(reply)).toEqual({
      type: "cancel",
      condition: "internal-server-error",
      text: undefined,
    });
    expect(reply.toString()).not.toContain("disk on fire");
    expect(logger.lines.some((line) => line.level === 50)).toBe(true);
  });

  it("asks to retry later when the session store is away", async () => {
    const { ask } = setUp(() => {
      throw new TelcoError("STORE_UNAVAILABLE");
    });
    expect(
      condition(await ask(iq("get", xml("query", { xmlns: NS_TEST })))),
    ).toMatchObject({
      type: "wait",
      condition: "internal-server-error",
    });
  });
});
