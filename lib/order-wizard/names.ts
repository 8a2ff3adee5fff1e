/**
 * Server names the wizard suggests. A suggestion is the next free `web-N`, free meaning neither
 * one of the account's servers nor another server of this order uses it, so accepting the
 * defaults never creates a second `web-1` (issue 17). A name the person types is theirs: it may
 * repeat an existing server's (the upstream allows it), and the wizard only warns.
 */

const PREFIX = "web-";

/** Names compare as the upstream's users read them: case and surrounding spaces do not matter. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** `count` suggested names, skipping every name in `taken`. */
export function defaultNames(count: number, taken: Iterable<string>): string[] {
  const used = new Set([...taken].map(nameKey));
  const out: string[] = [];
  for (let k = 1; out.length < count; k++) {
    const name = `${PREFIX}${k}`;
    if (!used.has(name)) {
      out.push(name);
      used.add(name);
    }
  }
  return out;
}

/**
 * Grow or shrink the server list to `count` (clamped to 1..max), keeping the names already there
 * and suggesting free ones for new servers.
 */
export function resizeNames(names: readonly string[], count: number, existing: Iterable<string> = [], max = 10): string[] {
  const n = Math.min(max, Math.max(1, Math.trunc(count)));
  const kept = names.slice(0, n);
  return [...kept, ...defaultNames(n - kept.length, [...existing, ...kept])];
}

/** The indexes of names that an existing server of the account already uses. */
export function namesInUse(names: readonly string[], existing: Iterable<string>): Set<number> {
  const taken = new Set([...existing].map(nameKey));
  const out = new Set<number>();
  names.forEach((name, i) => {
    if (nameKey(name) !== "" && taken.has(nameKey(name))) out.add(i);
  });
  return out;
}
