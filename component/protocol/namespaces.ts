// XML namespaces the component reads and writes.

/** XEP-0066 Out of Band Data, which the telco spec reuses as its envelope. */
export const NS_OOB = "jabber:x:oob";
/** XEP-0199 XMPP Ping. */
export const NS_PING = "urn:xmpp:ping";
/** RFC 6120 §8.3: the conditions of a stanza error. */
export const NS_STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
/** XEP-0030 Service Discovery. */
export const NS_DISCO_INFO = "http://jabber.org/protocol/disco#info";
export const NS_DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
/** XEP-0092 Software Version. */
export const NS_VERSION = "jabber:iq:version";
/** XEP-0050 Ad-Hoc Commands. */
export const NS_COMMANDS = "http://jabber.org/protocol/commands";
/** XEP-0004 Data Forms, and XEP-0122 their validation. */
export const NS_DATA_FORMS = "jabber:x:data";
export const NS_FORM_VALIDATE = "http://jabber.org/protocol/xdata-validate";
