/**
 * The order as the upstream sees it, for the review's "Show API request": the exact JSON, and
 * the same request as a curl command a person can run themselves.
 */
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";

/** The exact JSON of the upstream request: the body with `"action": "order_create"` first. */
export function upstreamRequestJson(body: OrderCreateBody): string {
  return JSON.stringify({ action: "order_create", ...body }, null, 2);
}

export const UPSTREAM_ENDPOINT = "https://my.klikk.com/api";

/**
 * The same request as a curl command against the upstream action API, with credentials as shell
 * variables (never the real ones). A quoted here-document carries the JSON, so quotes in a
 * reference or name need no escaping.
 */
export function curlCommand(body: OrderCreateBody, method: "token" | "basic" | "digest" | undefined): string {
  const auth =
    method === "basic"
      ? `  -u "$KLIKK_USER:$KLIKK_PASSWORD" \\`
      : method === "digest"
        ? `  --digest -u "$KLIKK_USER:$KLIKK_PASSWORD" \\`
        : `  -H "X-Account-Token: $KLIKK_TOKEN" \\`;
  return [
    `curl -sS -X POST ${UPSTREAM_ENDPOINT} \\`,
    auth,
    `  -H "Content-Type: application/json" \\`,
    `  --data-binary @- <<'JSON'`,
    upstreamRequestJson(body),
    "JSON",
  ].join("\n");
}
