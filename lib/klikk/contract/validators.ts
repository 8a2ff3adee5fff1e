/**
 * Field validators of the order_create contract, shared by the order wizard (in the browser),
 * the dashboard's route handlers and the simulator.
 *
 * Browser-safe on purpose: no Node imports and no Buffer; hashing goes through
 * `globalThis.crypto.subtle`, base64 through `atob`/`btoa`. Each check returns `{ ok: true }` or a
 * message meant for a person: it says what is wrong and what is accepted, and names the offending
 * entry when the value is a list.
 */

export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly message: string };
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

// Relative with the extension: the simulator runs this file in plain Node.
import { parseAddress, parseRange, rangeContains, type Address, type Range } from "../../ip/ip.ts";

const OK: CheckResult = { ok: true };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Quote a user-supplied value for a message, shortened so a pasted blob cannot flood it. */
function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(shown);
}

// ---------------------------------------------------------------------------------------------
// IP addresses and CIDR ranges

/**
 * Parsing and matching live in the one IP module (lib/ip, on ipaddr.js); these names stay for
 * the callers of the contract. Strict: zone ids (`%eth0`) and brackets mean nothing to a remote
 * firewall, and IPv4 parts with leading zeros are refused (octal ambiguity).
 */
export function parseIpAddress(s: string): Address | null {
  return parseAddress(s, { strict: true });
}

export type Cidr = Range;

/** Parse an address or a CIDR range; a bare address is a range of one (/32 or /128). */
export function parseIpOrCidr(s: string): Cidr | null {
  return parseRange(s, { strict: true });
}

/** Does `address` fall inside `range`? An IPv4-mapped IPv6 address is compared as the IPv4 address it carries. */
export function cidrContains(range: Cidr, address: Address): boolean {
  return rangeContains(range, address);
}

const IP_HINT = "use an IPv4 or IPv6 address, optionally with a CIDR prefix (e.g. 192.168.0.0/24 or 2001:db8::/32)";

/** One address or CIDR range: IPv4 (prefix 0-32) or IPv6 (prefix 0-128). */
export function checkIpOrCidr(s: string): CheckResult {
  const v = s.trim();
  if (v === "") return fail(`an empty entry is not an address: ${IP_HINT}`);
  if (parseIpOrCidr(v)) return OK;
  const slash = v.indexOf("/");
  if (slash !== -1 && parseIpAddress(v.slice(0, slash))) {
    const max = v.includes(":") ? 128 : 32;
    return fail(`${quote(v)} has an invalid prefix length: use /0 to /${max}`);
  }
  return fail(`${quote(v)} is not an IP address or CIDR range: ${IP_HINT}`);
}

/** A comma-separated, non-empty list of addresses and CIDR ranges (the `ip_allow` field). */
/** Comma-separated lists go upstream verbatim: only spaces may surround the entries. */
const LIST_CONTROL = /[\u0000-\u001f\u007f]/;

export function checkIpAllowList(commaSeparated: string): CheckResult {
  if (LIST_CONTROL.test(commaSeparated)) return fail("the list must be on one line: separate entries with commas, not line breaks or tabs");
  if (commaSeparated.trim() === "") {
    return fail(`enter at least one address or range allowed to reach SSH (comma separated): ${IP_HINT}`);
  }
  const entries = commaSeparated.split(",");
  for (let i = 0; i < entries.length; i++) {
    const entry = (entries[i] as string).trim();
    if (entry === "") return fail(`entry ${i + 1} is empty: remove the extra comma`);
    const r = checkIpOrCidr(entry);
    if (!r.ok) return fail(`entry ${i + 1}: ${r.message}`);
  }
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Ports

/**
 * Comma-separated ports (1-65535) and `from:to` ranges with from <= to, e.g. `80,443,12000:12010`.
 * A blank value means "no public ports" and is accepted.
 */
export function checkPortList(s: string): CheckResult {
  if (LIST_CONTROL.test(s)) return fail("the list must be on one line: separate entries with commas, not line breaks or tabs");
  if (s.trim() === "") return OK;
  const entries = s.split(",");
  const port = (p: string): number | null => (/^[0-9]{1,5}$/.test(p) ? Number(p) : null);
  for (let i = 0; i < entries.length; i++) {
    const entry = (entries[i] as string).trim();
    if (entry === "") return fail(`entry ${i + 1} is empty: remove the extra comma`);
    const parts = entry.split(":");
    if (parts.length > 2) return fail(`${quote(entry)} is not a port or range: write a range as from:to, e.g. 12000:12010`);
    const nums = parts.map((p) => port(p.trim()));
    if (nums.some((n) => n === null)) {
      return fail(`${quote(entry)} is not a port or range: use numbers 1 to 65535, and from:to for a range`);
    }
    if (nums.some((n) => (n as number) < 1 || (n as number) > 65535)) {
      return fail(`${quote(entry)} is out of range: ports go from 1 to 65535`);
    }
    if (nums.length === 2 && (nums[0] as number) > (nums[1] as number)) {
      return fail(`${quote(entry)} is a backwards range: the first port must not be greater than the second`);
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------------------------
// OpenSSH public keys

export const sshKeyTypes = [
  "ssh-ed25519",
  "ssh-rsa",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "sk-ssh-ed25519@openssh.com",
  "sk-ecdsa-sha2-nistp256@openssh.com",
] as const;
export type SshKeyType = (typeof sshKeyTypes)[number];

export type OpenSshPublicKey = {
  readonly type: SshKeyType;
  /** The decoded key blob (what the fingerprint is computed over). */
  readonly blob: Uint8Array;
  /** The free-text comment after the key, "" when absent. */
  readonly comment: string;
};

function isSshKeyType(s: string): s is SshKeyType {
  return (sshKeyTypes as readonly string[]).includes(s);
}

function decodeBase64(s: string): Uint8Array | null {
  if (s.length === 0 || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null;
  try {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Reads the SSH wire format: uint32 big-endian length, then that many bytes. */
class SshReader {
  #buf: Uint8Array;
  #pos = 0;
  constructor(buf: Uint8Array) {
    this.#buf = buf;
  }
  string(): Uint8Array | null {
    if (this.#pos + 4 > this.#buf.length) return null;
    const b = this.#buf;
    const p = this.#pos;
    const len = (((b[p] as number) << 24) >>> 0) + ((b[p + 1] as number) << 16) + ((b[p + 2] as number) << 8) + (b[p + 3] as number);
    if (this.#pos + 4 + len > b.length) return null;
    const out = b.subarray(p + 4, p + 4 + len);
    this.#pos = p + 4 + len;
    return out;
  }
  text(): string | null {
    const s = this.string();
    if (!s) return null;
    let out = "";
    for (const c of s) {
      if (c < 0x20 || c > 0x7e) return null;
      out += String.fromCharCode(c);
    }
    return out;
  }
  get done(): boolean {
    return this.#pos === this.#buf.length;
  }
}

const ECDSA_POINT_LENGTH: Record<string, number> = { nistp256: 65, nistp384: 97, nistp521: 133 };

/** Check the fields after the type string; returns a message or null when the blob is well formed. */
function checkKeyBody(type: SshKeyType, r: SshReader): string | null {
  const ecdsa = (curve: string): string | null => {
    if (r.text() !== curve) return `the key data does not name the ${curve} curve`;
    const q = r.string();
    if (!q || q.length !== ECDSA_POINT_LENGTH[curve] || q[0] !== 0x04) return "the key data holds no valid curve point";
    return null;
  };
  switch (type) {
    case "ssh-ed25519":
    case "sk-ssh-ed25519@openssh.com": {
      const pk = r.string();
      if (!pk || pk.length !== 32) return "the key data holds no 32-byte Ed25519 key";
      break;
    }
    case "ssh-rsa": {
      const e = r.string();
      const n = r.string();
      if (!e || !n || e.length === 0 || n.length === 0) return "the key data holds no RSA exponent and modulus";
      // Leading zero bytes of an mpint carry no bits; OpenSSH refuses moduli under 1024 bits.
      let bytes = n.length;
      for (const b of n) {
        if (b !== 0) break;
        bytes--;
      }
      if (bytes * 8 < 1024) return "the RSA key is shorter than 1024 bits: create a new key, e.g. with ssh-keygen -t ed25519";
      break;
    }
    case "ecdsa-sha2-nistp256":
    case "sk-ecdsa-sha2-nistp256@openssh.com": {
      const m = ecdsa("nistp256");
      if (m) return m;
      break;
    }
    case "ecdsa-sha2-nistp384": {
      const m = ecdsa("nistp384");
      if (m) return m;
      break;
    }
    case "ecdsa-sha2-nistp521": {
      const m = ecdsa("nistp521");
      if (m) return m;
      break;
    }
  }
  if (type.startsWith("sk-")) {
    const application = r.text();
    if (application === null) return "the security-key data names no application";
  }
  if (!r.done) return "the key data has trailing bytes";
  return null;
}

const KEY_HINT = "paste one OpenSSH public key, e.g. the contents of ~/.ssh/id_ed25519.pub (ssh-ed25519 AAAA... you@host)";

/**
 * Parse one line in OpenSSH public key format: `type base64 [comment]`. The base64 must decode and
 * the blob must be well formed for its type (its first string equal to the type). authorized_keys
 * options (`from="..." ssh-ed25519 ...`) are not accepted: the API takes plain keys.
 */
export function parseOpenSshPublicKey(line: string): ParseResult<OpenSshPublicKey> {
  const text = line.trim();
  if (text === "") return fail(`the key is empty: ${KEY_HINT}`);
  if (looksLikePrivateKey(text)) return fail(PRIVATE_KEY_MESSAGE);
  const fields = text.split(/[ \t]+/);
  const type = fields[0] as string;
  if (!isSshKeyType(type)) {
    if (fields.slice(1).some((f) => isSshKeyType(f))) {
      return fail("authorized_keys options before the key are not supported: start the line with the key type");
    }
    if (/^ssh-dss$/.test(type)) return fail("DSA keys are no longer accepted: use an Ed25519 key (ssh-keygen -t ed25519)");
    return fail(`${quote(type)} is not a supported key type: use ${sshKeyTypes.join(", ")}`);
  }
  const data = fields[1];
  if (data === undefined) return fail(`the key data is missing after ${type}: ${KEY_HINT}`);
  const blob = decodeBase64(data);
  if (!blob) return fail("the key data is not valid base64: copy the whole key line again");
  const reader = new SshReader(blob);
  const inner = reader.text();
  if (inner !== type) {
    return fail(`the key data is for ${inner === null ? "an unknown type" : quote(inner)}, not ${type}: copy the whole key line again`);
  }
  const problem = checkKeyBody(type, reader);
  if (problem) return fail(problem);
  return { ok: true, value: { type, blob, comment: fields.slice(2).join(" ") } };
}

/** One public key per non-empty line; blank lines and `#` comment lines are skipped. */
export function checkAuthorizedKeys(multiLine: string): CheckResult {
  if (looksLikePrivateKey(multiLine)) return fail(PRIVATE_KEY_MESSAGE);
  const lines = multiLine.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === "" || line.startsWith("#")) continue;
    const r = parseOpenSshPublicKey(line);
    if (!r.ok) return fail(`line ${i + 1}: ${r.message}`);
    const problem = unsafeTextProblem(r.value.comment);
    if (problem) return fail(`line ${i + 1}: the key's comment contains ${problem}: remove or retype the comment`);
  }
  return OK;
}

export const PRIVATE_KEY_MESSAGE =
  "this is a PRIVATE key: never share it. Paste the public key instead (the .pub file, starting with ssh-ed25519 or similar)";

/** Does the text contain a private key (PEM/OpenSSH armour or a PuTTY .ppk)? */
export function looksLikePrivateKey(text: string): boolean {
  return (
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(text) ||
    /PuTTY-User-Key-File-\d+:/.test(text) ||
    /---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----/.test(text)
  );
}

/** The fingerprint as `ssh-keygen -lf` prints it: "SHA256:" + unpadded base64 of sha256(blob). */
export async function sshKeyFingerprintSha256(blob: Uint8Array): Promise<string> {
  const copy = new Uint8Array(blob); // a plain ArrayBuffer-backed copy, as subtle.digest wants
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", copy));
  let bin = "";
  for (const b of digest) bin += String.fromCharCode(b);
  return `SHA256:${btoa(bin).replace(/=+$/, "")}`;
}

// ---------------------------------------------------------------------------------------------
// Unsafe text

/**
 * Characters that no free-text field may hold, because they hide or reorder what a person reads
 * (a reference shown reversed, an invisible difference between two key comments) or break strict
 * JSON tools: control characters (C0, DEL, C1), bidirectional overrides, isolates and marks,
 * zero-width characters and the byte order mark, and lone UTF-16 surrogates.
 */
const UNSAFE_CLASSES: readonly [RegExp, string][] = [
  [/[\u0000-\u001f\u007f]/u, "a control character or line break"],
  [/[\u0080-\u009f]/u, "a control character (C1)"],
  [/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u, "a bidirectional override or mark, which can make text read in another order"],
  [/[\u200b-\u200d\u2060\ufeff\u180e]/u, "an invisible zero-width character"],
];
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes `s` unsafe to show or store ("a control character …"), or null when it is plain text. */
export function unsafeTextProblem(s: string): string | null {
  if (LONE_SURROGATE.test(s)) return "a broken character (an unpaired UTF-16 surrogate)";
  for (const [pattern, description] of UNSAFE_CLASSES) {
    const match = pattern.exec(s);
    if (match) return `${description} (U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Names and URLs

const HOSTNAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A server name: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen. */
export function checkHostname(name: string): CheckResult {
  if (HOSTNAME_RE.test(name)) return OK;
  if (name.length === 0) return fail("enter a name: 1 to 63 letters, digits and hyphens");
  if (name.length > 63) return fail(`the name is ${name.length} characters long: use at most 63`);
  if (name.startsWith("-") || name.endsWith("-")) return fail("the name must not start or end with a hyphen");
  return fail(`${quote(name)} is not a valid server name: use only letters, digits and hyphens (e.g. web-1)`);
}

/** An absolute https URL with a host and without embedded credentials. */
export function checkHttpsUrl(s: string): CheckResult {
  if (s.length > 2048) return fail("the URL is longer than 2048 characters");
  // The URL parser silently drops tabs and line breaks; refuse them rather than send a different URL.
  if (/[\u0000-\u0020\u007f]/.test(s)) return fail("the URL must not contain spaces, line breaks or control characters");
  const problem = unsafeTextProblem(s);
  if (problem) return fail(`the URL contains ${problem}: type it again`);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return fail(`${quote(s)} is not a URL: use a full address such as https://example.com/cloud-init.yaml`);
  }
  if (url.protocol !== "https:") return fail(`the URL must start with https:// (got ${url.protocol.replace(/:$/, "")})`);
  if (url.hostname === "") return fail("the URL has no host name");
  if (url.username !== "" || url.password !== "") return fail("the URL must not contain a user name or password");
  return OK;
}
