// Names why the link to the XMPP server failed, in words an admin can act on.

export interface LinkFailure {
  kind: "auth" | "conflict" | "unreachable" | "other";
  advice: string;
}

export function classifyFailure(
  err: unknown,
  service: string,
  domain: string,
): LinkFailure {
  const condition = (err as { condition?: string }).condition;
  const code = (err as { code?: string }).code;

  if (condition === "not-authorized") {
    return {
      kind: "auth",
      // ejabberd answers an unknown domain so too (Prosody says host-unknown).
      advice: `the XMPP server refused the component secret for ${domain}: make COMPONENT_SECRET match the server's component configuration, and check that the server declares ${domain}`,
    };
  }
  if (condition === "conflict") {
    return {
      kind: "conflict",
      advice: `another component is already connected as ${domain}: standing by until it leaves`,
    };
  }
  if (condition === "host-unknown" || condition === "improper-addressing") {
    return {
      kind: "other",
      advice: `the XMPP server does not know the component domain ${domain}: declare it on the server or fix COMPONENT_DOMAIN`,
    };
  }
  if (
    code === "ECONNREFUSED" ||
    code === "ECONNRESET" ||
    code === "ETIMEDOUT" ||
    code === "ENOTFOUND" ||
    code === "EHOSTUNREACH"
  ) {
    return {
      kind: "unreachable",
      advice: `cannot reach the XMPP server at ${service} (${code}): is it running, and is its component port open to us?`,
    };
  }
  return {
    kind: "other",
    advice: `the link to the XMPP server failed: ${(err as Error)?.message ?? String(err)}`,
  };
}
