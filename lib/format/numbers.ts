/**
 * Counts, plurals and sizes, one way everywhere. Sizes use the units the provider sells in and
 * the order wizard asks for: GB, where memory is counted in 1024 MiB (the API gives MiB; a
 * "2 GB" server has 2048) and disks in 1000 MB (the API gives MB; a "20 GB" disk has 20000).
 * So a 2 GB / 20 GB order shows as 2 GB and 20 GB on every page.
 */

const plurals = new Intl.PluralRules("en");
const whole = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

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
  return `${whole.format(n)} ${pluralForm(n, noun)}`;
}

export function formatCount(n: number): string {
  return whole.format(n);
}

/** Memory from MiB: 2048 -> "2 GB", 512 -> "0.5 GB". */
export function formatMemory(mib: number): string {
  return `${oneDecimal.format(mib / 1024)} GB`;
}

/** Disk size from MB: 20000 -> "20 GB". */
export function formatStorage(mb: number): string {
  return `${oneDecimal.format(mb / 1000)} GB`;
}
