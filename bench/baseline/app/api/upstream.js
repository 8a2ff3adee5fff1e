// The upstream and one fixed credential from the environment; no session, no checks.
const url = process.env.KLIKK_API_URL ?? "http://127.0.0.1:4010/api";
const headers = { "Content-Type": "application/json", Accept: "application/json", "X-Account-Token": process.env.BASELINE_TOKEN ?? "demo-token" };

/** Sends one action and streams the upstream's answer back as it is. */
export async function forward(action) {
  const upstream = await fetch(url, { method: "POST", headers, body: JSON.stringify({ action }) });
  return new Response(upstream.body, { status: upstream.status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
