// XML namespaces the component reads and writes.

/** XEP-0066 Out of Band Data, which the telco spec reuses as its envelope. */
export const NS_OOB = "jabber:x:oob";
/** XEP-0199 XMPP Ping. */
export const NS_PING = "urn:xmpp:ping";
