/**
 * Price estimates from the operator's price list (PRICE_LIST; in demo mode the simulator's own
 * table). The provider publishes no prices through the API, so whatever the dashboard shows is
 * an estimate: the invoice decides. With no price list the dashboard shows no price at all,
 * never a zero. Browser-safe and free of zod: the order wizard's first load carries it.
 */

export type PricePeriod = "month" | "year";

export type PriceList = {
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** What one price covers; the wizard labels every amount with it. */
  period: PricePeriod;
  perGbRam: number;
  perVcpu: number;
  perGbStorage: number;
  perIpv4: number;
};

export type PricedSize = { ramGb: number; cpu: number; storageGb: number; ipv4: boolean };

/**
 * The price of one server in hundredths of the currency unit, rounded once, so that the total
 * of N servers is exactly N times the price of one (what a person checks by hand).
 */
export function serverPriceCents(size: PricedSize, list: PriceList): number {
  return Math.round(
    100 * (size.ramGb * list.perGbRam + size.cpu * list.perVcpu + size.storageGb * list.perGbStorage + (size.ipv4 ? list.perIpv4 : 0)),
  );
}

export function orderPriceCents(size: PricedSize, servers: number, list: PriceList): number {
  return serverPriceCents(size, list) * servers;
}

/** "€18.00", or "EUR 18.00" when the runtime does not know the currency. */
export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(cents / 100);
  } catch {
    return `${currency} ${(cents / 100).toFixed(2)}`;
  }
}

export const periodWords: Record<PricePeriod, string> = { month: "per month", year: "per year" };

/** "€18.00 per month", the way every estimate in the dashboard reads. */
export function formatEstimate(cents: number, list: PriceList): string {
  return `${formatMoney(cents, list.currency)} ${periodWords[list.period]}`;
}
