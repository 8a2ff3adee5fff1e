"use client";

import { Button, buttonClasses } from "@/components/ui/button-core";
import { CopyButton } from "@/components/ui/copy-button";
import { Menu } from "@/components/ui/menu";
import { RunningBadge } from "@/components/ui/status-badge";
import type { OrderStatus, Server } from "@/lib/klikk/schemas";
import { isCancellable } from "@/lib/orders/order-facts";
import { itemTarget, type CancelRequest } from "@/lib/orders/cancel-targets";
import { primaryAddresses, sshCommand } from "@/lib/servers/addresses";
import type { InventoryRow } from "@/lib/servers/row";

type Owner = { order: OrderStatus; item: OrderStatus["order_items"][number] };

function AddressLine({ kind, value, serverName }: { kind: "IPv4" | "IPv6"; value: string; serverName: string }) {
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{kind}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-2">
        {value ? (
          <>
            <code className="font-mono text-sm break-all">{value}</code>
            <CopyButton value={value} label={`${kind} address ${value} of ${serverName}`} />
          </>
        ) : (
          <span className="text-sm text-slate-600 dark:text-slate-300">none</span>
        )}
      </dd>
    </div>
  );
}

/**
 * A server page's header: name and state, the addresses to reach it with copy buttons, the
 * ssh command, and a quiet menu to cancel the server through the order item that created it
 * (the API cancels items, not servers), with the order page's own confirmation and rules.
 */
export function ServerHeader({
  server,
  row,
  owner,
  refreshing,
  onRefresh,
  onCancel,
}: {
  server: Server;
  row: InventoryRow;
  owner: Owner | undefined;
  refreshing: boolean;
  onRefresh: () => void;
  onCancel: (request: CancelRequest) => void;
}) {
  const addresses = primaryAddresses(server);
  const ssh = sshCommand(addresses);
  const cancellable = owner !== undefined && isCancellable(owner.item.status);
  const scheduled = owner !== undefined && owner.item.status === 900;
  return (
    <div className="mb-6 space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 id="page-title" tabIndex={-1} className="text-2xl font-semibold tracking-tight break-all focus:outline-none">
              {server.name}
            </h1>
            <RunningBadge running={row.running} />
          </div>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Server {server.id}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" pending={refreshing} onClick={onRefresh}>
            Refresh
          </Button>
          {cancellable ? (
            <Menu
              label={`Actions for ${server.name}`}
              triggerClassName={buttonClasses("secondary")}
              trigger={
                <>
                  Actions <span aria-hidden="true">▾</span>
                </>
              }
              items={[{ key: "cancel", label: "Cancel this server", danger: true, onSelect: () => onCancel({ targets: [itemTarget(owner.order, owner.item)] }) }]}
            />
          ) : null}
        </div>
      </div>
      {scheduled ? (
        <p className="text-sm font-medium">Cancellation scheduled: this server keeps running until the end of the current period, then it is removed.</p>
      ) : null}
      <dl aria-label={`Addresses of ${server.name}`} className="space-y-1">
        <AddressLine kind="IPv4" value={addresses.ipv4} serverName={server.name} />
        <AddressLine kind="IPv6" value={addresses.ipv6} serverName={server.name} />
      </dl>
      {ssh ? (
        <div className="flex min-w-0 flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-950">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Log in</span>
          <code className="font-mono text-sm break-all">{ssh}</code>
          <CopyButton value={ssh} label={`the command ${ssh}`} />
        </div>
      ) : null}
    </div>
  );
}
