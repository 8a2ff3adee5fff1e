import { getEnv } from "@/lib/server/env";
import { json, route } from "@/lib/server/http";
import { getStore } from "@/lib/server/store";

/** The upstream is asked at most this often: the route needs no session, so anybody can call it. */
const UPSTREAM_CHECK_INTERVAL_MS = 5_000;

type UpstreamState = { reachable: boolean; latencyMs: number | null };
const globalForHealth = globalThis as typeof globalThis & { __klikkUpstreamHealth?: { at: number; state: Promise<UpstreamState> } };

async function checkUpstream(url: string): Promise<UpstreamState> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(3_000) });
    await response.body?.cancel();
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { reachable: false, latencyMs: null };
  }
}

/** The upstream's state, from one shared check every few seconds (concurrent callers share it). */
function upstreamState(url: string): Promise<UpstreamState> {
  const cached = globalForHealth.__klikkUpstreamHealth;
  if (cached && Date.now() - cached.at < UPSTREAM_CHECK_INTERVAL_MS) return cached.state;
  const state = checkUpstream(url);
  globalForHealth.__klikkUpstreamHealth = { at: Date.now(), state };
  return state;
}

/**
 * Liveness for load balancers and the Docker HEALTHCHECK: 503 when the store (sessions) cannot be
 * reached, since this instance then cannot serve anybody. The upstream's reachability is reported
 * (without credentials: a 401 or 405 counts as reachable) but does not fail the check, because
 * another instance could not do better. Nothing secret, no details of the store.
 */
export const GET = route("GET /api/health", async () => {
  const env = getEnv();
  const [storeOk, upstream] = await Promise.all([
    getStore()
      .ping()
      .then(() => true)
      .catch(() => false),
    upstreamState(env.klikkApiUrl),
  ]);
  return json({ ok: storeOk, demoMode: env.demoMode, store: { ok: storeOk }, upstream }, { status: storeOk ? 200 : 503 });
});
