import "server-only";
import { getEnv } from "@/lib/server/env";
import { HttpError } from "@/lib/server/http";

/** The origin this dashboard is served from: APP_ORIGIN, or else the request's own host. */
export function expectedOrigin(request: Request): string {
  const env = getEnv();
  if (env.appOrigin) return env.appOrigin;
  const headers = request.headers;
  const host = (env.trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null) ?? headers.get("host");
  const proto = env.trustProxy ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : null;
  const scheme = proto ?? new URL(request.url).protocol.replace(":", "");
  return `${scheme}://${host}`;
}

/**
 * CSRF defence for every mutating route: a JSON content type (which a cross-site form cannot
 * send without a CORS preflight we never grant), an Origin equal to ours (missing or "null" is
 * refused), and no cross-site fetch metadata.
 */
export function assertSameOrigin(request: Request): void {
  const refuse = (why: string) => new HttpError(403, "csrf", `Request refused: ${why}. Use the dashboard's own pages.`);
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site") throw refuse("it came from another site");
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") throw refuse("it has no Origin header");
  if (origin !== expectedOrigin(request)) throw refuse("its Origin is not this dashboard");
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) throw refuse("its Content-Type must be application/json");
}
