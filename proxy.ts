import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce } from "@/lib/server/csp";
import { cookieSessionState, isSecureRequest, sessionCookieName } from "@/lib/server/session";
import { isStoreUnavailable } from "@/lib/server/store/types";

const STORE_UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Temporarily unavailable</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>Temporarily unavailable</h1>
<p>The dashboard cannot reach its session store right now. Reload this page in a moment.</p></body></html>`;

/** Pages that a signed-out visitor may open; everything else under the matcher needs a session. */
const PUBLIC_PAGES = new Set(["/login"]);

/**
 * Runs before every page: sets the nonce-based CSP and sends signed-out visitors of dashboard
 * pages to the sign-in page. It is a convenience, not the security boundary: every route handler
 * and the dashboard layout check the session themselves.
 */
export async function proxy(request: NextRequest) {
  const secure = isSecureRequest(request.headers);
  const { pathname, search } = request.nextUrl;

  if (!PUBLIC_PAGES.has(pathname)) {
    const cookie = request.cookies.get(sessionCookieName(secure))?.value;
    let state: Awaited<ReturnType<typeof cookieSessionState>>;
    try {
      state = await cookieSessionState(cookie);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      // Not a reason to sign anybody out: say what is wrong and let the browser try again.
      return new NextResponse(STORE_UNAVAILABLE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "5" } });
    }
    if (state !== "fresh") {
      const loginUrl = new URL("/login", request.url);
      loginUrl.search = "";
      loginUrl.searchParams.set("next", `${pathname}${search}`);
      // A cookie that no longer names a session: it expired, or was ended (here or elsewhere).
      if (state === "stale") loginUrl.searchParams.set("reason", "expired");
      const response = NextResponse.redirect(loginUrl, 303);
      // Same attributes as when it was set, or a __Host- cookie would not be replaced.
      if (state === "stale") response.cookies.set(sessionCookieName(secure), "", { maxAge: 0, path: "/", secure, httpOnly: true, sameSite: "lax" });
      return response;
    }
  }

  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: secure });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes check the session themselves and carry their own strict policy.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
    },
  ],
};
