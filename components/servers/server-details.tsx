import { AppLink as Link } from "@/components/ui/app-link";
import { CopyButton } from "@/components/ui/copy-button";
import { formatStorage } from "@/lib/format/sizes";
import type { Server } from "@/lib/klikk/schemas";

function Address({ value, kind, serverName, segment }: { value: string; kind: "IPv4" | "IPv6"; serverName: string; segment: string }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <dt className="w-10 shrink-0 text-xs font-medium text-slate-600 dark:text-slate-300">{kind}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
        {value ? (
          <>
            <code className="font-mono text-[13px] break-all">{value}</code>
            <CopyButton value={value} label={`${kind} address ${value} of ${serverName} (${segment})`} />
          </>
        ) : (
          <span className="text-sm text-slate-600 dark:text-slate-300">none</span>
        )}
      </dd>
    </div>
  );
}

const box = "rounded-md border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";
const secondary = "text-xs text-slate-600 dark:text-slate-300";

/**
 * Every network and every disk of one server, in plain words first ("Interface 1", "Disk 1")
 * with the API's terms (ifindex, segment, LUN) as the secondary line; used by the expanding
 * row and by the server page. Lists, not wide tables, so they fit a phone.
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
          <ul className="space-y-2">
            {networks.map((network, index) => {
              const segment = network.name || `interface ${index + 1}`;
              return (
                <li key={network.id} className={box} aria-label={`Interface ${index + 1}`}>
                  <p className="text-sm font-medium">
                    Interface {index + 1}
                    {network.name ? `: ${network.name}` : null}
                  </p>
                  <p className={secondary}>
                    ifindex {network.ifindex}
                    {network.name ? ` · segment ${network.name}` : " · unnamed segment"}
                  </p>
                  <dl className="mt-1 space-y-1">
                    <Address value={network.ipv4} kind="IPv4" serverName={server.name} segment={segment} />
                    <Address value={network.ipv6} kind="IPv6" serverName={server.name} segment={segment} />
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${prefix}-storages`} className="min-w-0">
        <Heading id={`${prefix}-storages`} className="mb-1 text-sm font-semibold">
          Disks of {server.name} ({storages.length})
        </Heading>
        {storages.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No disks.</p>
        ) : (
          <ul className="space-y-2">
            {storages.map((storage, index) => (
              <li key={storage.id} className={`${box} flex flex-wrap items-baseline justify-between gap-2`} aria-label={`Disk ${index + 1}`}>
                <span>
                  <span className="block text-sm font-medium">
                    Disk {index + 1}
                    {storage.name ? `: ${storage.name}` : null}
                  </span>
                  <span className={`block ${secondary}`}>LUN {storage.lun}</span>
                </span>
                <span className="text-sm font-semibold tabular-nums">{formatStorage(storage.size)}</span>
              </li>
            ))}
          </ul>
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
