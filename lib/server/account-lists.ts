import "server-only";
import type { AccountFailure } from "@/lib/accounts/accounts";
import type { KlikkClient } from "@/lib/klikk/client";
import { type ListBody, serialisedBody } from "@/lib/klikk/pass-through";
import { isKlikkError, type KlikkError } from "@/lib/klikk/errors";
import type { OrderStatus, Server } from "@/lib/klikk/schemas";
import { largeReads } from "@/lib/server/concurrency";
import { toHttpError } from "@/lib/server/http";
import { klikkClient } from "@/lib/server/klikk";
import type { SessionAccount, SessionData } from "@/lib/server/session";

/**
 * Lists and look-ups across every account of a session (issue 15). Each account is asked with
 * its own credential; an order or server is attributed to the first account (in session order)
 * that sees it, so a user who sees two profiles and a token of one of them shows it once.
 */

export type AccountOrder = OrderStatus & { account: string };

type PerAccount<T> = { account: SessionAccount; value: T };

/**
 * Runs `work` for every account at once. One account's failure becomes a note beside the others'
 * data; when every account fails, the first failure is thrown as it was, so a session with one
 * account answers exactly as before.
 */
async function eachAccount<T>(
  session: SessionData,
  context: string,
  work: (account: SessionAccount, client: KlikkClient) => Promise<T>,
  clientOptions: { maxBodyBytes?: number } = {},
): Promise<{ values: PerAccount<T>[]; failures: AccountFailure[] }> {
  const settled = await Promise.allSettled(session.accounts.map((account) => work(account, klikkClient(account.auth, clientOptions))));
  const values: PerAccount<T>[] = [];
  const failures: AccountFailure[] = [];
  let firstError: unknown;
  settled.forEach((result, index) => {
    const account = session.accounts[index]!;
    if (result.status === "fulfilled") values.push({ account, value: result.value });
    else {
      firstError ??= result.reason;
      const error = toHttpError(result.reason, context);
      failures.push({ account: account.key, code: error.code, message: error.message });
    }
  });
  if (values.length === 0) throw firstError;
  return { values, failures };
}

/** Every order of every account, newest first, each with its account's key. */
export async function listSessionOrders(session: SessionData, signal: AbortSignal): Promise<{ orders: AccountOrder[]; failures: AccountFailure[] }> {
  const { values, failures } = await eachAccount(session, "order_list", (_account, client) => client.orderList({ signal }));
  const seen = new Set<number>();
  const orders: AccountOrder[] = [];
  for (const { account, value } of values) {
    for (const order of value) {
      if (seen.has(order.order_id)) continue;
      seen.add(order.order_id);
      orders.push({ ...order, account: account.key });
    }
  }
  orders.sort((a, b) => b.order_id - a.order_id);
  return { orders, failures };
}

/**
 * The body of GET /api/orders. With one account (the usual case) the upstream's own bytes go out
 * when they pass the strict check, with `sources` in front, as the server list does: the browser
 * tags and sorts them (lib/accounts/tag-orders). With several, the merged list of
 * listSessionOrders, each order already tagged.
 */
export async function sessionOrdersBody(session: SessionData, signal: AbortSignal): Promise<BodyInit> {
  const only = session.accounts.length === 1 ? session.accounts[0] : undefined;
  if (only) return (await klikkClient(only.auth).orderListBody({ signal })).withLeadingFields({ sources: [{ account: only.key }] }).responseBody();
  const { orders, failures } = await listSessionOrders(session, signal);
  return JSON.stringify({ orders, ...(failures.length ? { failures } : {}) });
}

const isTooLargeAnswer = (error: unknown): error is KlikkError => isKlikkError(error) && error.reason === "too_large_answer";

type ServerParts = { parts: { account: string; servers: Server[] }[]; failures: AccountFailure[] };

/**
 * Every server of every account, or those of one order item (asked of the account the item
 * belongs to, `hint` first, like an order). Each account's list is read inside that account's
 * large-read slot. The answer keeps each account's servers together and says how many each has
 * (`sources`), instead of adding a field to each of 20,000 servers.
 *
 * With `maxBodyBytes`, a list whose answer is larger is neither read to the end nor parsed, and
 * the result is `"too large"` (the page prefetch: such a list never goes into the HTML anyway).
 */
export async function listSessionServers(session: SessionData, orderItemId: number | undefined, signal: AbortSignal, hint?: string | null): Promise<ServerParts>;
export async function listSessionServers(session: SessionData, orderItemId: undefined, signal: AbortSignal, hint: null, limit: { maxBodyBytes: number }): Promise<ServerParts | "too large">;
export async function listSessionServers(
  session: SessionData,
  orderItemId: number | undefined,
  signal: AbortSignal,
  hint: string | null = null,
  limit?: { maxBodyBytes: number },
): Promise<ServerParts | "too large"> {
  if (orderItemId !== undefined) {
    const { account, value } = await inAccountOf(session, hint, (_account, client) => client.serverList(orderItemId, { signal }));
    return { parts: [{ account: account.key, servers: value }], failures: [] };
  }
  const { values, failures } = await eachAccount(
    session,
    "server_list",
    (account, client) =>
      largeReads.run(
        account.identity,
        // Past the limit: a value, not a failure, so it is neither logged nor shown as an account's error.
        () => client.serverList(undefined, { signal }).catch((error: unknown) => (limit && isTooLargeAnswer(error) ? null : Promise.reject(error))),
        signal,
      ),
    limit,
  );
  if (values.some(({ value }) => value === null)) return "too large";
  if (values.length === 1) return { parts: [{ account: values[0]!.account.key, servers: values[0]!.value! }], failures };
  const seen = new Set<number>();
  const parts = values.map(({ account, value }) => ({
    account: account.key,
    servers: value!.filter((server) => (seen.has(server.id) ? false : (seen.add(server.id), true))),
  }));
  return { parts, failures };
}

/**
 * The body of GET /api/servers. With one account (the usual case) the upstream's own bytes go
 * out when they pass the strict check (lib/klikk/pass-through), with `sources` put in front and
 * no count: the whole list is that account's. With several, each account's list is read, the
 * duplicates dropped and the whole serialised. Either way the body knows its ETag
 * (lib/server/http listResponse).
 */
export async function sessionServersBody(session: SessionData, orderItemId: number | undefined, signal: AbortSignal, hint: string | null): Promise<ListBody> {
  const only = session.accounts.length === 1 ? session.accounts[0] : undefined;
  if (only && orderItemId === undefined) {
    const client = klikkClient(only.auth);
    const body = await largeReads.run(only.identity, () => client.serverListBody(undefined, { signal }), signal);
    return body.withLeadingFields({ sources: [{ account: only.key }] });
  }
  const { parts, failures } = await listSessionServers(session, orderItemId, signal, hint);
  return serialisedBody(serversBody(parts, failures));
}

/** `servers` in account order, and which account each run is. */
export function serversBody(parts: { account: string; servers: Server[] }[], failures: AccountFailure[]): string {
  return JSON.stringify({
    servers: parts.length === 1 ? parts[0]!.servers : parts.flatMap((part) => part.servers),
    sources: parts.map((part) => ({ account: part.account, count: part.servers.length })),
    ...(failures.length ? { failures } : {}),
  });
}

/**
 * Finds the account an order (or order item) belongs to by asking each account in turn: the
 * one the browser names first (it knows from the list), then the active one, then the rest.
 * "Not found" moves on; any other failure stops. An id no account knows stays a 404, so an id
 * of an account outside this session is never answered with another account's data.
 */
export async function inAccountOf<T>(session: SessionData, hint: string | null, attempt: (account: SessionAccount, client: KlikkClient) => Promise<T>): Promise<PerAccount<T>> {
  const ordered = [...new Set([session.accounts.find((account) => account.key === hint), session.active, ...session.accounts])].filter(
    (account): account is SessionAccount => account !== undefined,
  );
  let notFound: unknown;
  for (const account of ordered) {
    try {
      return { account, value: await attempt(account, klikkClient(account.auth)) };
    } catch (error) {
      if (!(isKlikkError(error) && error.code === "not_found")) throw error;
      notFound = error;
    }
  }
  throw notFound;
}

/** `?account=` of a request: a hint only; the handlers check it against the session. */
export function accountHint(request: Request): string | null {
  const value = new URL(request.url).searchParams.get("account");
  return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
}
