import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import type { Server } from "@/lib/klikk/schemas";
import { formatStorage } from "@/lib/format/numbers";

const th = "px-3 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-700 dark:text-slate-300";
const td = "px-3 py-1.5 align-top";

function Address({ value, kind, serverName, segment }: { value: string; kind: "IPv4" | "IPv6"; serverName: string; segment: string }) {
  if (!value) return <span className="text-slate-600 dark:text-slate-300">none</span>;
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <code className="break-all font-mono text-[13px]">{value}</code>
      <CopyButton value={value} label={`${kind} address ${value} of ${serverName} (${segment})`} />
    </span>
  );
}

/**
 * Every network (ifindex, segment, addresses with a copy button) and every storage (LUN, name,
 * size) of one server; used by the expanding row and by the server page.
 */
export function ServerDetails({ server, headingLevel = 3, showPageLink = false }: { server: Server; headingLevel?: 2 | 3; showPageLink?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const networks = [...server.networks].sort((a, b) => a.ifindex - b.ifindex);
  const storages = [...server.storages].sort((a, b) => a.lun - b.lun);
  const prefix = `server-${server.id}`;
  return (
    <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
      <section aria-labelledby={`${prefix}-networks`} className="min-w-0">
        <Heading id={`${prefix}-networks`} className="mb-1 text-sm font-semibold">
          Networks of {server.name} ({networks.length})
        </Heading>
        {networks.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No network interfaces.</p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
            <table className="w-full min-w-[480px] text-sm">
              <thead className="bg-slate-50 dark:bg-slate-800">
                <tr>
                  <th scope="col" className={th}>Interface</th>
                  <th scope="col" className={th}>Segment</th>
                  <th scope="col" className={th}>IPv4</th>
                  <th scope="col" className={th}>IPv6</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
                {networks.map((network) => (
                  <tr key={network.id}>
                    <td className={`${td} tabular-nums`}>ifindex {network.ifindex}</td>
                    <td className={td}>{network.name || "unnamed"}</td>
                    <td className={td}>
                      <Address value={network.ipv4} kind="IPv4" serverName={server.name} segment={network.name || `ifindex ${network.ifindex}`} />
                    </td>
                    <td className={td}>
                      <Address value={network.ipv6} kind="IPv6" serverName={server.name} segment={network.name || `ifindex ${network.ifindex}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${prefix}-storages`} className="min-w-0">
        <Heading id={`${prefix}-storages`} className="mb-1 text-sm font-semibold">
          Storage of {server.name} ({storages.length})
        </Heading>
        {storages.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No disks.</p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 dark:bg-slate-800">
                <tr>
                  <th scope="col" className={th}>LUN</th>
                  <th scope="col" className={th}>Name</th>
                  <th scope="col" className={`${th} text-right`}>Size</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
                {storages.map((storage) => (
                  <tr key={storage.id}>
                    <td className={`${td} tabular-nums`}>{storage.lun}</td>
                    <td className={td}>{storage.name || "unnamed"}</td>
                    <td className={`${td} text-right tabular-nums`}>{formatStorage(storage.size)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {showPageLink ? (
          <p className="mt-3 text-sm">
            <Link href={`/servers/${server.id}`} className="font-medium text-blue-700 underline hover:no-underline dark:text-blue-300">
              Open the page of {server.name}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
