import "server-only";
import { getEnv } from "@/lib/server/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/trusted-client-address";

/** The caller's address: the socket's (stamped by lib/server/trusted-client-address), or the proxy's word when TRUST_PROXY is on. */
export function clientAddress(request: Request): string {
  const headers = request.headers;
  if (getEnv().trustProxy) {
    const forwarded = headers.get("x-forwarded-for");
    const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
