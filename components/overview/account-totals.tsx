import { AppLink as Link } from "@/components/ui/app-link";
import { Card } from "@/components/ui/card";
import type { PublicAccount } from "@/lib/accounts/accounts";
import { countOf, formatCount, nouns } from "@/lib/format/numbers";
import { orderInProgress } from "@/lib/orders/live";
import { awaitingPayment } from "@/lib/orders/order-facts";
import type { Order } from "@/lib/queries/orders";
import type { Server } from "@/lib/queries/servers";

type Row = { account: PublicAccount; orders: number; waiting: number; moving: number; servers: number; running: number };

/** One pass over each list: the figures of every account of the session. */
function totalsByAccount(accounts: readonly PublicAccount[], orders: readonly Order[], servers: readonly Server[]): Row[] {
  const rows = new Map(accounts.map((account) => [account.key, { account, orders: 0, waiting: 0, moving: 0, servers: 0, running: 0 }]));
  for (const order of orders) {
    const row = rows.get(order.account);
    if (!row) continue;
    row.orders += 1;
    if (awaitingPayment(order)) row.waiting += 1;
    else if (orderInProgress(order)) row.moving += 1;
  }
  for (const server of servers) {
    const row = rows.get(server.account);
    if (!row) continue;
    row.servers += 1;
    if (server.is_running === 1) row.running += 1;
  }
  return [...rows.values()];
}

const link = "font-medium text-blue-700 underline hover:no-underline dark:text-blue-300";
const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700 dark:text-slate-200";
const td = "px-3 py-2 tabular-nums";

/** The overview's split by account (issue 15): each account's orders and servers, linked to its lists. */
export function AccountTotals({ accounts, orders, servers }: { accounts: readonly PublicAccount[]; orders: readonly Order[]; servers: readonly Server[] }) {
  const rows = totalsByAccount(accounts, orders, servers);
  return (
    <Card aria-labelledby="by-account-title" className="min-w-0 lg:col-span-2">
      <h2 id="by-account-title" className="mb-3 text-lg font-semibold">
        By account
      </h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Totals by account">
        <table className="min-w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className={th}>Account</th>
              <th scope="col" className={th}>Orders</th>
              <th scope="col" className={th}>Waiting for payment</th>
              <th scope="col" className={th}>In progress</th>
              <th scope="col" className={th}>Servers</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
            {rows.map((row) => (
              <tr key={row.account.key} data-account={row.account.key}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {row.account.label}
                  {row.account.active ? <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">New orders go here</span> : null}
                </th>
                <td className={td}>
                  <Link href={`/orders?account=${encodeURIComponent(row.account.key)}`} className={link}>
                    {countOf(row.orders, nouns.order)}
                  </Link>
                </td>
                <td className={td}>{formatCount(row.waiting)}</td>
                <td className={td}>{formatCount(row.moving)}</td>
                <td className={td}>
                  <Link href={`/servers?account=${encodeURIComponent(row.account.key)}`} className={link}>
                    {countOf(row.servers, nouns.server)}
                  </Link>
                  <span className="text-slate-600 dark:text-slate-300"> ({formatCount(row.running)} running)</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
