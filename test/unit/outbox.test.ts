import xml, { type Element } from "@xmpp/xml";

import { Outbox } from "../../component/xmpp/outbox";

const stanza = (id: string) => xml("message", { id });
const ids = (stanzas: Element[]) => stanzas.map((s) => String(s.attrs.id));

describe("Outbox", () => {
  it("sends what piled up while a write was under way in one batch", async () => {
    const outbox = new Outbox(100);
    const batches: string[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((done) => (release = done));

    const sent = [outbox.post(stanza("a"))];
    const pumping = outbox.pump(async (batch) => {
      batches.push(ids(batch));
      if (batches.length === 1) await firstWrite;
    });
    sent.push(outbox.post(stanza("b")), outbox.post(stanza("c")));
    release();
    await pumping;
    await outbox.pump(async (batch) => void batches.push(ids(batch)));
    await Promise.all(sent);

    expect(batches).toEqual([["a"], ["b", "c"]]);
    expect(outbox.size).toBe(0);
  });

  it("keeps a batch whose write failed, to send it again later", async () => {
    const outbox = new Outbox(100);
    const delivered = outbox.post(stanza("a"));

    await expect(
      outbox.pump(() => Promise.reject(new Error("link down"))),
    ).rejects.toThrow("link down");
    expect(outbox.size).toBe(1);

    const batches: string[][] = [];
    await outbox.pump(async (batch) => void batches.push(ids(batch)));
    await delivered;
    expect(batches).toEqual([["a"]]);
  });

  it("refuses a stanza beyond its capacity", async () => {
    const outbox = new Outbox(1);
    void outbox.post(stanza("a"));

    await expect(outbox.post(stanza("b"))).rejects.toThrow(/outbox full/);
  });
});
