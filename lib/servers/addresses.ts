// Not "@/lib/ip/ip": that module is built on ipaddr.js, which the server page's header would then
// load on first paint for this one function.
import { reachability } from "@/lib/ip/reachability";
import type { Server } from "@/lib/klikk/schemas";

/**
 * The address to show first for each family: the most reachable one (public before internal),
 * in interface order among equals. A server on a private network only still shows its address.
 */
export function primaryAddresses(server: Pick<Server, "networks">): { ipv4: string; ipv6: string } {
  const networks = [...server.networks].sort((a, b) => a.ifindex - b.ifindex);
  const best = (pick: (n: Server["networks"][number]) => string) => {
    let chosen = "";
    let score = -1;
    for (const network of networks) {
      const value = pick(network);
      if (!value) continue;
      const s = reachability(value);
      if (s > score) {
        chosen = value;
        score = s;
      }
    }
    return chosen;
  };
  return { ipv4: best((n) => n.ipv4), ipv6: best((n) => n.ipv6) };
}

/** The command to log in: IPv4 when there is one (it works from more networks), else IPv6. */
export function sshCommand(addresses: { ipv4: string; ipv6: string }): string | null {
  const host = addresses.ipv4 || addresses.ipv6;
  return host ? `ssh root@${host}` : null;
}
