import { headers } from "next/headers";
import { earlyRequestScript } from "@/lib/queries/early-request-script";

/**
 * On a full load of a page that shows the whole server list, when the list is too large for the
 * HTML: a script (with the request's CSP nonce) that asks for it as soon as the browser reads
 * this part of the page, instead of after the page's scripts have loaded and hydrated. The
 * servers query takes the request over (lib/queries/early-response.ts). React does not run
 * scripts it renders in the browser, so a client-side navigation never starts one.
 */
export async function EarlyServerList({ when }: { when: boolean }) {
  if (!when) return null;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyRequestScript("/api/servers") }} />;
}
