import type http from "node:http";

/** The methods some route answers; anything else (TRACE, TRACK, CONNECT, WebDAV verbs) gets 405. */
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Pages are only read: a body sent to one is refused before a byte of it is buffered. */
const PAGE_METHODS = new Set(["GET", "HEAD"]);

function refuse(response: http.ServerResponse, status: number, code: string, message: string, allow: string): void {
  const body = JSON.stringify({ error: { code, message } });
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Allow: allow,
    "X-Content-Type-Options": "nosniff",
    // The unread body stays on the socket: close it rather than parse it as the next request.
    Connection: "close",
  });
  response.end(body);
}

/**
 * Runs on every request before Next.js sees it (installed with the client-address stamp). Two
 * refusals that Next would otherwise make expensively: an unknown method (Next answered TRACE with
 * a 500 and a stack trace in the log) and a request body sent to a page (Next buffers up to 10 MB
 * of it for the proxy). Returns true when it answered.
 */
export function refuseAtTheDoor(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const method = request.method ?? "GET";
  if (!KNOWN_METHODS.has(method)) {
    refuse(response, 405, "method_not_allowed", `The method ${method.slice(0, 20)} is not supported.`, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    return true;
  }
  const path = request.url ?? "/";
  const isPage = !path.startsWith("/api/") && !path.startsWith("/_next/");
  if (isPage && !PAGE_METHODS.has(method)) {
    refuse(response, 405, "method_not_allowed", "Pages are only read: this address answers GET and HEAD.", "GET, HEAD");
    return true;
  }
  return false;
}
