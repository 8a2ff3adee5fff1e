/**
 * Counts, plurals and sizes, one way everywhere. Sizes use the units the provider sells in and
 * the order wizard asks for: GB, where memory is counted in 1024 MiB (the API gives MiB; a
 * "2 GB" server has 2048) and disks in 1000 MB (the API gives MB; a "20 GB" disk has 20000).
 * So a 2 GB / 20 GB order shows as 2 GB and 20 GB on every page.
 */

const plurals = new Intl.PluralRules("en");

/**
 * `n` as `Intl.NumberFormat("en", { maximumFractionDigits })` writes it ("20,013", "0.5", "2"),
 * without Intl.NumberFormat: in Chromium the first NumberFormat (or DateTimeFormat) a page
 * makes costs 20 to 25 ms of its main thread while ICU loads its data (measured on this
 * project's 2-core machine, in a fresh tab; 0.2 ms after that), and the inventory's first rows
 * waited for it. Rounded as ICU rounds: the shortest decimal that reads back as `n` (what
 * `String(n)` gives), half away from zero, so 1.005 gives "1.01" where `toFixed(2)` says "1.00".
 * Beyond plain decimals (infinities, NaN, 1e21 and up) Intl itself answers; the unit tests hold
 * the two to the same output.
 */
export function formatDecimal(n: number, maximumFractionDigits = 0): string {
  const plain = plainDigits(Math.abs(n));
  if (plain === null) return new Intl.NumberFormat("en", { maximumFractionDigits }).format(n);
  const dot = plain.indexOf(".");
  let whole = dot === -1 ? plain : plain.slice(0, dot);
  let fraction = dot === -1 ? "" : plain.slice(dot + 1);
  if (fraction.length > maximumFractionDigits) {
    const roundsUp = fraction.charCodeAt(maximumFractionDigits) >= 53; // "5" or more
    fraction = fraction.slice(0, maximumFractionDigits);
    if (roundsUp) [whole, fraction] = carry(whole, fraction);
  }
  fraction = fraction.replace(/0+$/, "");
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

/** String(x) for x >= 0 without an exponent ("1.5e-7" -> "0.00000015"); null for infinity, NaN and 1e21 up. */
function plainDigits(x: number): string | null {
  const text = String(x);
  const exponent = text.indexOf("e-");
  if (exponent === -1) return /^\d+(\.\d+)?$/.test(text) ? text : null;
  return `0.${"0".repeat(Number(text.slice(exponent + 2)) - 1)}${text.slice(0, exponent).replace(".", "")}`;
}

/** Adds one in the last place of whole.fraction: "9.99" -> "10.00". */
function carry(whole: string, fraction: string): [string, string] {
  const digits = (whole + fraction).split("");
  let at = digits.length - 1;
  while (at >= 0 && digits[at] === "9") digits[at--] = "0";
  if (at >= 0) digits[at] = String(Number(digits[at]) + 1);
  else digits.unshift("1");
  const joined = digits.join("");
  return [joined.slice(0, joined.length - fraction.length), joined.slice(joined.length - fraction.length)];
}

export type Noun = { one: string; other: string };

/** Common nouns of the dashboard; anything else passes its own forms. */
export const nouns = {
  server: { one: "server", other: "servers" },
  vcpu: { one: "vCPU", other: "vCPUs" },
  order: { one: "order", other: "orders" },
  item: { one: "item", other: "items" },
  entry: { one: "entry", other: "entries" },
  minute: { one: "minute", other: "minutes" },
  second: { one: "second", other: "seconds" },
} as const satisfies Record<string, Noun>;

/** The noun form for n: plural rules, never "server(s)". */
export function pluralForm(n: number, noun: Noun): string {
  return plurals.select(n) === "one" ? noun.one : noun.other;
}

/** "1 server", "1,204 servers", "0 items". */
export function countOf(n: number, noun: Noun): string {
  return `${formatDecimal(n)} ${pluralForm(n, noun)}`;
}

export function formatCount(n: number): string {
  return formatDecimal(n);
}

/** Memory from MiB: 2048 -> "2 GB", 512 -> "0.5 GB". */
export function formatMemory(mib: number): string {
  return `${formatDecimal(mib / 1024, 1)} GB`;
}

/** Disk size from MB: 20000 -> "20 GB". */
export function formatStorage(mb: number): string {
  return `${formatDecimal(mb / 1000, 1)} GB`;
}
