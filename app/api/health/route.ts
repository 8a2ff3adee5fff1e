import { getEnv } from "@/lib/server/env";
import { json, route } from "@/lib/server/http";

/**
 * Liveness and upstream reachability for load balancers and the Docker HEALTHCHECK. No session
 * needed and nothing secret: it only checks that the upstream answers HTTP at all (a 401 or 405
 * counts as reachable), without credentials.
 */
export const GET = route("GET /api/health", async () => {
  const env = getEnv();
  const started = performance.now();
  let reachable = false;
  try {
    const response = await fetch(env.klikkApiUrl, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(3_000) });
    await response.body?.cancel();
    reachable = true;
  } catch {
    reachable = false;
  }
  const latencyMs = reachable ? Math.round(performance.now() - started) : null;
  return json({ ok: true, demoMode: env.demoMode, upstream: { reachable, latencyMs } });
});
