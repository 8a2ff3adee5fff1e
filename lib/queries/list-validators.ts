/**
 * The ETag of each large list the browser holds (GET /api/servers). A refetch (the window
 * regains focus, a refresh, an order completes) sends it as If-None-Match; while the list is
 * unchanged the dashboard answers 304 without a body and the query keeps the very array it
 * had: no 5.6 MB to download, parse, tag and lay out again for 20,000 servers, and no render,
 * because nothing the components hold changed.
 *
 * Kept here, beside the data, rather than in the browser's HTTP cache: the answers stay no-store,
 * so no list is written to the browser's disk. Loaded with the list's parser, never in a first load.
 */

const entityTags = new WeakMap<object, string>();

/** Remembers the ETag a list came with (an answer without one is never revalidated). */
export function rememberEntityTag(list: object, response: Response): void {
  const tag = response.headers.get("ETag");
  if (tag) entityTags.set(list, tag);
}

/** The If-None-Match header for a refetch of `list`, or none when its ETag is unknown. */
export function revalidationHeaders(list: object | undefined): Record<string, string> | undefined {
  const tag = list && entityTags.get(list);
  return tag ? { "If-None-Match": tag } : undefined;
}
