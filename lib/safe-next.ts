/**
 * Where to go after sign-in: only a path on this site. Anything else (another origin, a
 * protocol-relative `//host`, a backslash trick, the login page itself) falls back to "/".
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || typeof next !== "string") return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f]/.test(next)) return "/";
  try {
    const url = new URL(next, "http://dashboard.invalid");
    if (url.origin !== "http://dashboard.invalid" || url.pathname === "/login") return "/";
    // Checked again after normalising: "/.//host", "/..//host" and "/%2e//host" all become
    // "//host", which a browser would read as another site.
    if (url.pathname.startsWith("//") || url.pathname.includes("\\")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
