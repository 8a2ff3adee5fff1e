import "server-only";
import net from "node:net";
import { displayAddress } from "@/lib/ip/ip";
import { createKlikkClient, type KlikkAuth, type KlikkClientOptions } from "@/lib/klikk/client";
import { getEnv } from "@/lib/server/env";
import { HttpError } from "@/lib/server/http";
import { getSession, type SessionData } from "@/lib/server/session";

/** The upstream client for these credentials, with this deployment's endpoint and deadline. */
export function klikkClient(auth: KlikkAuth, options: Pick<KlikkClientOptions, "digestCache" | "maxBodyBytes"> = {}) {
  const env = getEnv();
  return createKlikkClient({ baseUrl: env.klikkApiUrl, auth, timeoutMs: env.upstreamTimeoutMs, ...options });
}

/** The "authenticate" step of every route handler: the session or a 401 (503 when the store is down). */
export async function requireSession(): Promise<SessionData> {
  const session = await getSession();
  if (!session) throw new HttpError(401, "unauthenticated", "You are signed out. Sign in again to continue.");
  return session;
}

/** The session with the client of its active account (where new orders go). */
export async function requireClient() {
  const session = await requireSession();
  return { session, account: session.active, client: klikkClient(session.active.auth) };
}

let cachedLocalAddress: { value: string | null; at: number } | null = null;

/**
 * The address this server uses to reach the upstream, which is what a token's IP filter sees
 * (unless a NAT sits in between). Learned by opening a TCP connection; cached for a minute.
 */
export async function upstreamLocalAddress(): Promise<string | null> {
  if (cachedLocalAddress && Date.now() - cachedLocalAddress.at < 60_000) return cachedLocalAddress.value;
  const url = new URL(getEnv().klikkApiUrl);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const value = await new Promise<string | null>((resolve) => {
    const socket = net.connect({ host, port, timeout: 2_000 });
    const finish = (address: string | null) => {
      socket.destroy();
      resolve(address);
    };
    socket.once("connect", () => finish(socket.localAddress ? displayAddress(socket.localAddress) : null));
    socket.once("timeout", () => finish(null));
    socket.once("error", () => finish(null));
  });
  cachedLocalAddress = { value, at: Date.now() };
  return value;
}
