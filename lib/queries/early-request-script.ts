/**
 * The inline script that starts a large list's request from the page's HTML; the query takes it
 * over with takeEarlyResponse (./early-response.ts, which says why and reads what this sets on
 * `window.__klikkEarly`). A module of its own so that
 * the pages' scripts, which only take requests over, do not carry its text.
 */
/** The inline script (run with the page's CSP nonce) that starts the request for `url`. */
export function earlyRequestScript(url: string): string {
  // The same request as apiResponse's GET, so the answer is read exactly as its own would be.
  const target = JSON.stringify(url);
  return `(function(){try{var c=new AbortController();var r=fetch(${target},{headers:{Accept:"application/json"},credentials:"same-origin",cache:"no-store",signal:c.signal});r.catch(function(){});window.__klikkEarly={url:${target},startedAt:Date.now(),response:r,abort:function(){c.abort()}};}catch(e){}})();`;
}

