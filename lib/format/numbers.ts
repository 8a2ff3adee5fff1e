/**
 * Counts and plurals, one way everywhere; sizes (GB, with decimals) are in ./sizes.ts.
 *
 * Written out rather than with Intl.NumberFormat and Intl.PluralRules: in Chromium the first
 * ICU-backed Intl object a page makes (NumberFormat, DateTimeFormat, RelativeTimeFormat,
 * ListFormat alike) costs 20 to 45 ms of its main thread while ICU loads its data (measured on
 * this project's 2-core machine in fresh tabs; 0.1 ms for the next), and the inventory's rows,
 * which show no date, waited for it before their first paint. The unit tests hold every function
 * here to what Intl writes for "en".
 */

export type Noun = { one: string; other: string };

/** Common nouns of the dashboard; anything else passes its own forms. */
export const nouns = {
  server: { one: "server", other: "servers" },
  vcpu: { one: "vCPU", other: "vCPUs" },
  order: { one: "order", other: "orders" },
  item: { one: "item", other: "items" },
} as const satisfies Record<string, Noun>;

/** The noun form for n, never "server(s)": English's rule (CLDR's "one" is a whole 1, sign aside). */
export function pluralForm(n: number, noun: Noun): string {
  return Math.abs(n) === 1 ? noun.one : noun.other;
}

/** "20013" -> "20,013": a run of digits with a comma between each group of three. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ",");
}

/**
 * "1,204": a count, rounded to a whole number half away from zero as Intl rounds ("-0" for -0
 * too). Counts are lengths of lists: beyond 1e21 or infinite, String's form stands.
 */
export function formatCount(n: number): string {
  return `${1 / n < 0 ? "-" : ""}${groupThousands(String(Math.round(Math.abs(n))))}`;
}

/** "1 server", "1,204 servers", "0 items". */
export function countOf(n: number, noun: Noun): string {
  return `${formatCount(n)} ${pluralForm(n, noun)}`;
}
