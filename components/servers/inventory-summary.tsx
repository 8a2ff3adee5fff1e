import { memo, useState } from "react";
import type { InventoryRow } from "@/lib/servers/inventory";
import { countOf, formatCount, nouns } from "@/lib/format/numbers";
import { formatMemory, formatStorage } from "@/lib/format/sizes";
import { profileLabel } from "@/lib/servers/profiles";
import { resourcesByAccount, resourcesByProfile, totals, totalsOfProfiles, type Totals } from "@/lib/servers/totals";

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">
        {value}
        {detail ? <span className="text-xs font-normal text-slate-600 dark:text-slate-300"> ({detail})</span> : null}
      </dd>
    </div>
  );
}

type Metric = { key: "cpus" | "memoryMiB" | "storageMB"; label: string; format: (n: number) => string };
const METRICS: Metric[] = [
  { key: "cpus", label: "vCPUs", format: (n) => formatCount(n) },
  { key: "memoryMiB", label: "Memory", format: formatMemory },
  { key: "storageMB", label: "Storage", format: formatStorage },
];

/**
 * One bar: the profile's share of the metric over every profile shown, its running part solid
 * and its stopped part hatched (shape, not colour alone). The numbers beside it say the same.
 */
function Bar({ running, all, max, id }: { running: number; all: number; max: number; id: string }) {
  const width = max > 0 ? (all / max) * 100 : 0;
  const runningWidth = max > 0 ? (running / max) * 100 : 0;
  return (
    <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={id} width="2" height="2" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="2" height="2" className="fill-slate-200 dark:fill-slate-700" />
          <rect width="1" height="2" className="fill-slate-500 dark:fill-slate-400" />
        </pattern>
      </defs>
      <rect x="0" y="0" width="100" height="10" className="fill-slate-100 dark:fill-slate-800" />
      <rect x="0" y="0" width={width} height="10" fill={`url(#${id})`} />
      <rect x="0" y="0" width={runningWidth} height="10" className="fill-blue-600 dark:fill-blue-400" />
    </svg>
  );
}

type Group = { key: string; label: string; all: Totals; running: Totals };

function GroupChart({ groups, grand, caption }: { groups: Group[]; grand: Totals; caption: string }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <figcaption className="text-sm font-semibold">{caption}</figcaption>
      <p className="mt-0.5 flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-300">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-blue-600 dark:bg-blue-400" /> running
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-[repeating-linear-gradient(45deg,var(--color-slate-500)_0_2px,var(--color-slate-200)_2px_4px)]" /> stopped
        </span>
        <span>bar length: share of everything shown</span>
      </p>
      <ul className="mt-2 space-y-3">
        {groups.map((p) => (
          <li key={p.key}>
            <p className="text-sm font-medium">
              {p.label}{" "}
              <span className="font-normal text-slate-600 dark:text-slate-300">
                {countOf(p.all.servers, nouns.server)}, {formatCount(p.all.running)} running
              </span>
            </p>
            <dl className="mt-1 grid grid-cols-[4.5rem_1fr] items-center gap-x-2 gap-y-1 sm:grid-cols-[4.5rem_1fr_14rem]">
              {METRICS.map((m) => (
                <div key={m.key} className="contents">
                  <dt className="text-xs text-slate-700 dark:text-slate-300">{m.label}</dt>
                  <dd className="contents">
                    <Bar id={`bar-${p.key}-${m.key}`} running={p.running[m.key]} all={p.all[m.key]} max={grand[m.key]} />
                    <span className="col-start-2 text-xs tabular-nums text-slate-700 sm:col-start-3 dark:text-slate-300">
                      {m.format(p.all[m.key])} <span className="text-slate-600 dark:text-slate-300">({m.format(p.running[m.key])} running)</span>
                    </span>
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * Totals of the servers shown and the per-profile chart, folded under a one-line summary after
 * the list: the servers come first (on a phone the figures took the whole first screen), and
 * the line says the essentials even while folded. Recomputed only when the visible list changes,
 * and while folded only the line: one plain pass over the rows instead of grouping them, and no
 * figures or chart rendered for nobody (they were, on every keystroke over 20,000 servers).
 */
type SummaryProps = { rows: readonly InventoryRow[]; filtered: boolean; accountLabel: ((key: string) => string) | null };

export const InventorySummary = memo(function InventorySummary({ rows, filtered, accountLabel }: SummaryProps) {
  const [open, setOpen] = useState(false);
  // One pass over the rows either way: open, the grand totals are the sum of the (few) groups.
  // With several accounts in the session the chart splits by account (issue 15), else by profile.
  const groups: Group[] | null = !open
    ? null
    : accountLabel
      ? resourcesByAccount(rows).map((g) => ({ key: `account-${g.account}`, label: accountLabel(g.account), all: g.all, running: g.running }))
      : resourcesByProfile(rows).map((g) => ({ key: `profile-${String(g.profile)}`, label: profileLabel(g.profile), all: g.all, running: g.running }));
  const t = groups ? totalsOfProfiles(groups) : totals(rows);
  const title = filtered ? "Totals of the servers shown" : "Totals";
  return (
    <details className="group mt-4 rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer px-3 py-2 text-sm">
        <span className="font-semibold">{title}:</span> {countOf(t.servers, nouns.server)}, {formatCount(t.running)} running, {countOf(t.cpus, nouns.vcpu)},{" "}
        {formatMemory(t.memoryMiB)} memory, {formatStorage(t.storageMB)} storage
      </summary>
      {groups ? (
        <section aria-labelledby="inventory-totals" className="grid gap-3 border-t border-slate-200 p-3 lg:grid-cols-[2fr_3fr] dark:border-slate-700">
          <div>
            <h2 id="inventory-totals" className="mb-2 text-sm font-semibold">
              {title}
            </h2>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              <Stat label="Servers" value={formatCount(t.servers)} />
              <Stat label="Running" value={formatCount(t.running)} detail={`${formatCount(t.servers - t.running)} stopped`} />
              <Stat label="vCPUs" value={formatCount(t.cpus)} />
              <Stat label="Memory" value={formatMemory(t.memoryMiB)} />
              <Stat label="Storage" value={formatStorage(t.storageMB)} />
            </dl>
          </div>
          {groups.length > 0 ? <GroupChart groups={groups} grand={t} caption={accountLabel ? "Resources per account" : "Resources per profile"} /> : null}
        </section>
      ) : null}
    </details>
  );
});
