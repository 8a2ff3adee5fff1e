import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce } from "@/lib/server/csp";
import { hasFreshSession, isSecureRequest, sessionCookieName } from "@/lib/server/session";

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
    if (!(await hasFreshSession(cookie))) {
      const loginUrl = new URL("/login", request.url);
      loginUrl.search = "";
      loginUrl.searchParams.set("next", `${pathname}${search}`);
      return NextResponse.redirect(loginUrl, 303);
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
