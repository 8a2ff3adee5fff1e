/**
 * The accounts of one dashboard session as the browser sees them (issue 15): the account signed
 * in with, plus up to nine added later. Never a credential: a key, a label and how it signs in.
 * Pure, so the server's answers and the browser's filters share one definition.
 */

/** At most this many accounts in one session, the one signed in with included. */
export const MAX_SESSION_ACCOUNTS = 10;

export type PublicAccount = {
  /** Stable, non-secret name of the account in URLs and answers (lib/server/identity accountKey). */
  key: string;
  /** What the person called it, or a default from the username or the token's last characters. */
  label: string;
  method: "token" | "basic" | "digest";
  username?: string;
  tokenHint?: string;
  /** The account signed in with: it cannot be removed, only signed out of. */
  primary: boolean;
  /** Where new orders go. Exactly one account is active. */
  active: boolean;
};

/** What the credentials fields produce: the body of a sign-in, and of adding an account. */
export type Credentials = { method: "token"; token: string } | { method: "basic" | "digest"; username: string; password: string };

/** One account's list could not be read; the others are shown with this beside them. */
export type AccountFailure = { account: string; code: string; message: string };

/** The label an account has until someone renames it. */
export function defaultAccountLabel(account: { method: PublicAccount["method"]; username?: string | null; tokenHint?: string }): string {
  if (account.method !== "token") return account.username || "Unnamed user";
  return account.tokenHint ? `Token …${account.tokenHint}` : "Account token";
}

export const MAX_LABEL_LENGTH = 60;

/** The label of an account key among a session's accounts, for lists and exports. */
export function labelOf(accounts: readonly PublicAccount[] | undefined, key: string | undefined): string {
  if (!key) return "";
  return accounts?.find((account) => account.key === key)?.label ?? "Removed account";
}
