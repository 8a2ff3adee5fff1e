/**
 * A large list's request started by the page's HTML, instead of by its query after the page's
 * scripts have loaded and hydrated. On a full load of /servers that is several hundred
 * milliseconds of scripts to fetch, parse and run before the query even asks; a list of 20,000
 * servers (5.6 MB) can download meanwhile. The server renders the script only when it knows the
 * list is too large to put in the HTML (lib/server/prefetch.ts); the query takes the request
 * over the first time it runs, as if it had made it itself.
 */

/** What the page's script leaves on `window.__klikkEarly` (./early-request-script.ts writes it). */
type EarlyRequest = { url: string; startedAt: number; response: Promise<Response>; abort(): void };
type EarlyWindow = Window & { __klikkEarly?: EarlyRequest };

/**
 * A request older than this is not taken over: the query ran much later (the page's scripts
 * failed, the tab slept), and the answer may be out of date by then.
 */
const EARLY_MAX_AGE_MS = 15_000;

/**
 * The response of the request the HTML started for `url`, at most once; undefined when there is
 * none (a client-side navigation, a small list, another URL). `signal` aborts it as it would
 * abort the query's own request.
 */
export function takeEarlyResponse(url: string, signal?: AbortSignal): Promise<Response> | undefined {
  if (typeof window === "undefined") return undefined;
  const page = window as EarlyWindow;
  const early = page.__klikkEarly;
  if (!early || early.url !== url) return undefined;
  delete page.__klikkEarly;
  if (Date.now() - early.startedAt > EARLY_MAX_AGE_MS) {
    early.abort();
    return undefined;
  }
  if (signal?.aborted) early.abort();
  else signal?.addEventListener("abort", () => early.abort(), { once: true });
  return early.response;
}
