/**
 * How the header names who is signed in. Pure, so its wording is unit-tested: "Signed in as
 * demo", or for a token (which has no name) "Signed in with token …1a2b" when the dashboard
 * knows the token's last characters, with the profile's name in brackets when it is known.
 */
export type AccountInfo = {
  method: "token" | "basic" | "digest";
  username?: string;
  /** The token's last few characters (never the token); given by GET /api/session when it has it. */
  tokenHint?: string;
  /** The profile's name, such as "Demo AS", when the dashboard knows it. */
  profileName?: string;
};

export function accountLabel(info: AccountInfo): string {
  const who =
    info.method === "token"
      ? info.tokenHint
        ? `Signed in with token …${info.tokenHint}`
        : "Signed in with an account token"
      : `Signed in as ${info.username ?? "an unnamed user"}`;
  return info.profileName ? `${who} (${info.profileName})` : who;
}

/** The header's short form, for the menu button: the username, or "Token". */
export function accountShortName(info: AccountInfo): string {
  return info.method === "token" ? "Token" : (info.username ?? "Account");
}
