import { createHash } from "node:crypto";
import { PRIVATE_KEY, publicKeyLine } from "@/tests/support/ssh-keys";
import { describe, expect, it } from "vitest";
import { unsafeSamples } from "../../../tests/support/unsafe-text";
import {
  checkAuthorizedKeys,
  checkHostname,
  checkHttpsUrl,
  checkIpAllowList,
  checkIpOrCidr,
  checkPortList,
  cidrContains,
  looksLikePrivateKey,
  parseIpAddress,
  parseIpOrCidr,
  parseOpenSshPublicKey,
  sshKeyFingerprintSha256,
  unsafeTextProblem,
} from "./validators.ts";

// Generated with ssh-keygen; fingerprints as printed by `ssh-keygen -lf`.
const keys = {
  ed25519: [
    publicKeyLine("user@ed25519"),
    "SHA256:O47akAs4tf3+fb7XP3tiOwA+K+mIHwwm+IlCEd4J3BY",
  ],
  rsa: [
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDYT3ThD/luxx3RpfpKhMl545UEKCxnpnh2zjFUgq7ieCFoT0bZlFJR7yD00WVnTmAr3z81r6WR3N3ccMicvsUfns02ebdIA5XDQMokcRCTtQanvOH/Qo28zY7WgwGvZpw4/Dnjytp0z0Y3iOSO8dFFgy8ZwhQSxhqTJTR2JOatZj+RK10eLd3F5k34qu1qq/n47ibw10Dp/GFzTSKeZSusIpoyo8dqAbNbiZmohdwmbh/Ny+KUVneKa7U8Cqqi6v2pVfwP5NP7efCjtVSBv4HjKV3uQ+SY0MytCE/7+8arGwaU/pdTFCOxer6ofZfw6hprilhE5EBlsa5MulGf9LUZ user@rsab2048",
    "SHA256:T4SXcq21c/dr0TaddVMl5JrL/y8n0F4korqoXOurTuA",
  ],
  p256: [
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKuc4nYATbx7YdZ4CpWb+dAIdf6j6ESZaT7VGlkUS6gFvq04LAnU/dDJswhZI8zR706+WHgx7X3sBmp49t4/vA4= user@ecdsab256",
    "SHA256:IyGQu3+tmGXjQiZNN1oNZp96oIdk067tR8+eHf+R7zM",
  ],
  p384: [
    "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBPOBml80ijMS+5SQH4ZlzGWkPJu62ei3w3PuOrHNwF9uZvsbbDoITpzZLvDrUcHiIcl3ccZRo5A4ucmql1Qfs3vsPA48rFQW7nGoaS/+jdN9kHvW9MDhCs9sk/P0551tuw== user@ecdsab384",
    "SHA256:4SDaTARF2c00Peo8eRqlbrchWvPV0UOGxT6ePkQyAsY",
  ],
  p521: [
    "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAAjb5j1EKBXEp/JPCf9jbMdIWcLtcjSajIZDBQdkzTpkJJfQB2GO9CIKrRamjybHKtuS8uYy6zY29nnKc53/I9JEQBgkLAzSwBeXByOw4lHl82bXUyNnTGp0uVxxUqJRBPeQw3iaVpU981B8O0p6tpV64cOCdYOo/0KONHK9GcqlGKmUQ== user@ecdsab521",
    "SHA256:/xlmRGaFrY1sFciz9QG1pmJbcs9ndNovAf+8u5hCRtc",
  ],
} as const;

function sshString(data: Buffer | string): Buffer {
  const b = typeof data === "string" ? Buffer.from(data) : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

function failure(r: { ok: boolean; message?: string }): string {
  expect(r.ok).toBe(false);
  return r.message ?? "";
}

describe("checkIpOrCidr", () => {
  it.each([
    "192.168.0.1",
    "0.0.0.0/0",
    "10.0.0.0/8",
    "192.168.0.0/24",
    "255.255.255.255/32",
    "::1",
    "::",
    "::/0",
    "fec0:aaa:1:2::ff",
    "2001:db8::/32",
    "2001:0db8:0000:0000:0000:0000:0000:0001/128",
    "::ffff:192.0.2.1",
    "::ffff:192.0.2.0/120",
    "64:ff9b::192.0.2.33",
    "fe80::1:2:3:4:5",
  ])("accepts %s", (s) => expect(checkIpOrCidr(s)).toEqual({ ok: true }));

  it.each([
    "",
    "256.1.1.1",
    "1.2.3",
    "1.2.3.4.5",
    "01.2.3.4",
    "1.2.3.4/33",
    "1.2.3.4/",
    "1.2.3.4/08",
    "2001:db8::/129",
    "2001:db8:::1",
    "1::2::3",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7::8",
    "12345::",
    "fe80::1%eth0",
    "1.2.3.4::",
    "example.com",
    " ",
  ])("refuses %j", (s) => expect(checkIpOrCidr(s).ok).toBe(false));

  it("says what is wrong with a prefix", () => {
    expect(failure(checkIpOrCidr("10.0.0.0/40"))).toContain("/0 to /32");
    expect(failure(checkIpOrCidr("::/200"))).toContain("/0 to /128");
  });

  it("matches addresses against ranges, IPv4-mapped as IPv4", () => {
    const r = parseIpOrCidr("127.0.0.0/8")!;
    expect(cidrContains(r, parseIpAddress("127.1.2.3")!)).toBe(true);
    expect(cidrContains(r, parseIpAddress("::ffff:127.0.0.1")!)).toBe(true);
    expect(cidrContains(r, parseIpAddress("128.0.0.1")!)).toBe(false);
    expect(cidrContains(parseIpOrCidr("::1")!, parseIpAddress("::1")!)).toBe(true);
    expect(cidrContains(parseIpOrCidr("::1")!, parseIpAddress("127.0.0.1")!)).toBe(false);
    expect(cidrContains(parseIpOrCidr("203.0.113.0/24")!, parseIpAddress("203.0.113.77")!)).toBe(true);
    expect(cidrContains(parseIpOrCidr("2001:db8::/33")!, parseIpAddress("2001:db8:8000::1")!)).toBe(false);
    expect(cidrContains(parseIpOrCidr("0.0.0.0/0")!, parseIpAddress("8.8.8.8")!)).toBe(true);
  });
});

describe("checkIpAllowList", () => {
  it("accepts the contract's example and spaces after commas", () => {
    expect(checkIpAllowList("fec0:aaa:1:2::ff,192.168.0.0/24")).toEqual({ ok: true });
    expect(checkIpAllowList("10.0.0.1, 2001:db8::/48")).toEqual({ ok: true });
  });
  it("refuses an empty list", () => expect(failure(checkIpAllowList("  "))).toMatch(/at least one/));
  it("names the bad entry", () => {
    const m = failure(checkIpAllowList("10.0.0.1,10.0.0.300,::1"));
    expect(m).toContain("entry 2");
    expect(m).toContain('"10.0.0.300"');
  });
  it("refuses an empty entry", () => expect(failure(checkIpAllowList("10.0.0.1,,::1"))).toContain("entry 2 is empty"));
});

describe("checkPortList", () => {
  it.each(["80", "80,443,12000:12010", "1,65535", "1:65535", "22:22", "", "  "])("accepts %j", (s) =>
    expect(checkPortList(s)).toEqual({ ok: true }),
  );
  it.each([
    ["0", "out of range"],
    ["65536", "out of range"],
    ["80,443,12010:12000", "backwards"],
    ["http", "not a port"],
    ["1:2:3", "from:to"],
    ["80,", "entry 2 is empty"],
    ["-1", "not a port"],
    ["80:", "not a port"],
  ])("refuses %j and names it", (s, hint) => {
    const m = failure(checkPortList(s));
    expect(m).toContain(hint);
  });
  it("names the bad entry", () => expect(failure(checkPortList("22,70000"))).toContain('"70000"'));
});

describe("parseOpenSshPublicKey", () => {
  it.each(Object.entries(keys))("parses %s and fingerprints it as ssh-keygen does", async (_name, [line, fp]) => {
    const r = parseOpenSshPublicKey(line);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(line.startsWith(r.value.type)).toBe(true);
    expect(r.value.comment).toMatch(/^user@/);
    expect(await sshKeyFingerprintSha256(r.value.blob)).toBe(fp);
  });

  it("parses security-key types", async () => {
    const ed = Buffer.concat([sshString("sk-ssh-ed25519@openssh.com"), sshString(Buffer.alloc(32, 7)), sshString("ssh:")]);
    const r = parseOpenSshPublicKey(`sk-ssh-ed25519@openssh.com ${ed.toString("base64")} yubi`);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.comment).toBe("yubi");
      const expected = `SHA256:${createHash("sha256").update(ed).digest("base64").replace(/=+$/, "")}`;
      expect(await sshKeyFingerprintSha256(r.value.blob)).toBe(expected);
    }
    const point = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 9)]);
    const ec = Buffer.concat([sshString("sk-ecdsa-sha2-nistp256@openssh.com"), sshString("nistp256"), sshString(point), sshString("ssh:")]);
    expect(parseOpenSshPublicKey(`sk-ecdsa-sha2-nistp256@openssh.com ${ec.toString("base64")}`).ok).toBe(true);
  });

  it("accepts a key without comment", () => {
    const r = parseOpenSshPublicKey(keys.ed25519[0].split(" ").slice(0, 2).join(" "));
    expect(r.ok && r.value.comment).toBe("");
  });

  it("refuses a blob of another type", () => {
    const data = keys.ed25519[0].split(" ")[1];
    expect(failure(parseOpenSshPublicKey(`ssh-rsa ${data}`))).toContain('"ssh-ed25519"');
  });
  it("refuses bad base64 and truncated blobs", () => {
    expect(failure(parseOpenSshPublicKey("ssh-ed25519 AAAA!!!!"))).toContain("base64");
    expect(failure(parseOpenSshPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"))).toBeTruthy();
    const short = Buffer.concat([sshString("ssh-ed25519"), sshString(Buffer.alloc(16))]).toString("base64");
    expect(failure(parseOpenSshPublicKey(`ssh-ed25519 ${short}`))).toContain("32-byte");
    const trailing = Buffer.concat([sshString("ssh-ed25519"), sshString(Buffer.alloc(32)), Buffer.from([1])]).toString("base64");
    expect(failure(parseOpenSshPublicKey(`ssh-ed25519 ${trailing}`))).toContain("trailing");
  });
  it("refuses unknown types, DSA and options", () => {
    expect(failure(parseOpenSshPublicKey("ssh-foo AAAA"))).toContain("not a supported key type");
    expect(failure(parseOpenSshPublicKey("ssh-dss AAAA"))).toContain("DSA");
    expect(failure(parseOpenSshPublicKey(`from="10.0.0.1" ${keys.ed25519[0]}`))).toContain("options");
    expect(failure(parseOpenSshPublicKey("ssh-ed25519"))).toContain("missing");
  });
  it("refuses a short RSA key", () => {
    const blob = Buffer.concat([sshString("ssh-rsa"), sshString(Buffer.from([1, 0, 1])), sshString(Buffer.alloc(64, 0xff))]).toString("base64");
    expect(failure(parseOpenSshPublicKey(`ssh-rsa ${blob}`))).toContain("1024");
  });
});

describe("checkAuthorizedKeys", () => {
  it("accepts several keys with blank and comment lines, CRLF too", () => {
    expect(checkAuthorizedKeys(`${keys.ed25519[0]}\r\n\n# laptop\n${keys.rsa[0]}\n`)).toEqual({ ok: true });
  });
  it("names the line", () => {
    expect(failure(checkAuthorizedKeys(`${keys.ed25519[0]}\n\nssh-ed25519 nope`))).toMatch(/^line 3: /);
  });
  it("refuses a private key with a warning", () => {
    const pem = PRIVATE_KEY;
    expect(failure(checkAuthorizedKeys(pem))).toContain("PRIVATE key");
  });
});

describe("looksLikePrivateKey", () => {
  it.each([
    "-----BEGIN OPENSSH PRIVATE KEY-----",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----BEGIN EC PRIVATE KEY-----",
    "-----BEGIN PRIVATE KEY-----",
    "-----BEGIN ENCRYPTED PRIVATE KEY-----",
    "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none",
    "PuTTY-User-Key-File-2: ssh-rsa",
  ])("spots %j", (s) => expect(looksLikePrivateKey(`junk\n${s}\nmore`)).toBe(true));
  it("does not flag public keys", () => {
    expect(looksLikePrivateKey(keys.ed25519[0])).toBe(false);
    expect(looksLikePrivateKey("-----BEGIN PUBLIC KEY-----")).toBe(false);
  });
});

describe("checkHostname", () => {
  it.each(["a", "web-1", "A1", "x".repeat(63), "1web"])("accepts %j", (s) => expect(checkHostname(s)).toEqual({ ok: true }));
  it.each([
    ["", "enter a name"],
    ["x".repeat(64), "at most 63"],
    ["-web", "hyphen"],
    ["web-", "hyphen"],
    ["web_1", "letters, digits and hyphens"],
    ["my server", "letters, digits and hyphens"],
    ["web.example", "letters, digits and hyphens"],
  ])("refuses %j saying what is allowed", (s, hint) => expect(failure(checkHostname(s))).toContain(hint));
});

describe("checkHttpsUrl", () => {
  it("accepts the contract's example", () =>
    expect(checkHttpsUrl("https://example.com/cloud-init?id=3987438&key=casoiujm3uhjumh")).toEqual({ ok: true }));
  it.each([
    ["http://example.com/x", "https://"],
    ["ftp://example.com/x", "https://"],
    ["example.com/x", "not a URL"],
    ["https://user:pw@example.com/", "user name or password"],
    [`https://example.com/${"a".repeat(2050)}`, "2048"],
  ])("refuses %j", (s, hint) => expect(failure(checkHttpsUrl(s))).toContain(hint));
});

describe("unsafeTextProblem", () => {
  it.each(unsafeSamples)("names $label", ({ text }) => {
    expect(unsafeTextProblem(text)).toMatch(/control|bidirectional|zero-width|surrogate/);
  });

  it("accepts plain text in any script, emoji (a surrogate pair) included", () => {
    for (const text of ["web server 1", "Grüße, Åsa", "日本語のサーバー", "عربي", "🚀 launch", "tab-free"]) expect(unsafeTextProblem(text)).toBeNull();
  });

  it("refuses each class in an SSH key's comment and in a cloud-init URL", () => {
    const key = keys.ed25519[0].split(" ").slice(0, 2).join(" ");
    for (const { text } of unsafeSamples.filter((sample) => !/[\u0000-\u001f]/.test(sample.text))) {
      const keys = checkAuthorizedKeys(`${key} me@${text}`);
      expect(keys.ok).toBe(false);
      if (!keys.ok) expect(keys.message).toMatch(/^line 1: the key's comment contains/);
      const url = checkHttpsUrl(`https://example.com/${text}`);
      expect(url.ok).toBe(false);
    }
  });
});
