// The link to the XMPP server as an admin meets it: a wrong secret. A second
// instance for the same domain depends on the server: see test/scale/.
import {
  startComponent,
  type RunningComponent,
} from "../support/running-component";

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

function messages(component: RunningComponent, level: number): string[] {
  return component.logLines
    .filter((line) => line.level === level)
    .map((line) => String(line.msg));
}

async function startUnconnected(
  overrides: Record<string, string>,
): Promise<RunningComponent> {
  return startComponent({ ...overrides }, { waitOnline: false });
}

describe("the XMPP link", () => {
  it("says once, at error, that the secret was refused, and retries with a growing delay", async () => {
    const component = await startUnconnected({
      COMPONENT_SECRET: "wrong-secret",
      RECONNECT_MAX_DELAY_MS: "1000",
    });
    await wait(4000);
    await component.stop();

    const refusals = component.logLines.filter((line) =>
      /refused the component secret/.test(String(line.msg)),
    );
    expect(refusals.length).toBeGreaterThanOrEqual(3);
    expect(
      messages(component, 50).filter((msg) =>
        /refused the component secret/.test(msg),
      ),
    ).toHaveLength(1);
    expect(refusals.length).toBeLessThan(10);
  });
});
