// XEP-0199 XMPP Ping: an empty result proves we are here. The keepalive of
// the connection pings itself through the server and is answered here too.
import { NS_PING } from "../protocol/namespaces";
import type { IqService } from "./iq-router";

export const ping: IqService = {
  ns: NS_PING,
  name: "ping",
  get: () => undefined,
};
