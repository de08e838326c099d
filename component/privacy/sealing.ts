// Seals values before they are stored outside the process. A cached line
// holds its PUK and MSISDN: whoever can read Redis must not read those.
// AES-256-GCM also tells a tampered or foreign value from a good one.
import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
} from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class Sealer {
  private readonly key: Buffer;

  /**
   * `secret` is shared by every instance of the component (its XMPP secret),
   * so any instance opens what another sealed; `purpose` keeps keys derived
   * for different uses apart.
   */
  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "", purpose, 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);

    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  }

  /** Returns undefined for anything this key did not seal. */
  open(sealed: string): string | undefined {
    const bytes = Buffer.from(sealed, "base64");
    if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;

    try {
      const decipher = createDecipheriv(
        ALGORITHM,
        this.key,
        bytes.subarray(0, IV_BYTES),
      );
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = bytes.subarray(IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString(
        "utf8",
      );
    } catch {
      return undefined;
    }
  }
}
