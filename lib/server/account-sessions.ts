import "server-only";
import { labelOf, type PublicAccount } from "@/lib/accounts/accounts";
import type { AccountSession } from "@/lib/sessions/account-session";
import { describeUserAgent } from "@/lib/sessions/user-agent";
import { getStore } from "@/lib/server/store";
import type { SessionData } from "@/lib/server/session";


/** The account's live sessions of this dashboard (every instance), the current one first. */
export async function listAccountSessions(session: SessionData, accounts: readonly PublicAccount[]): Promise<AccountSession[]> {
  const records = await getStore().listSessions(session.identity);
  const labels = new Map(session.accounts.map((account) => [account.identity, labelOf(accounts, account.key)]));
  return records
    .map((record) => {
      const identities = [record.identity, ...record.accounts.map((linked) => linked.identity)];
      const known = identities.filter((identity) => labels.has(identity));
      return { record, names: known.map((identity) => labels.get(identity) ?? ""), otherAccounts: identities.length - known.length };
    })
    .map(({ record, names, otherAccounts }) => ({
      id: record.id,
      current: record.id === session.id,
      browser: describeUserAgent(record.userAgent),
      clientAddress: record.clientAddress,
      method: record.method,
      createdAt: record.createdAt,
      lastSeenAt: record.id === session.id ? session.lastSeenAt : record.lastSeenAt,
      accounts: names,
      otherAccounts,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
}

/**
 * Ends one session of the account. An id that is not one of the account's sessions is reported
 * as not found, whether or not it exists for another account.
 */
export async function endAccountSession(session: SessionData, id: string): Promise<boolean> {
  const store = getStore();
  const record = await store.readSession(id);
  if (!record || record.identity !== session.identity) return false;
  return store.deleteSession(id);
}

/** Ends every session of the account but this one (or all of them); returns how many ended. */
export async function endAccountSessions(session: SessionData, { keepCurrent }: { keepCurrent: boolean }): Promise<number> {
  const ended = await getStore().deleteSessions(session.identity, keepCurrent ? session.id : undefined);
  return ended.length;
}
