import { serverSize, type Draft } from "@/lib/order-wizard/draft";
import { formatEstimate, formatMoney, orderPriceCents, serverPriceCents, type PricedSize, type PriceList } from "@/lib/pricing";

/** One server's estimate, e.g. on a size card: "€18.00 per month (estimate)". */
export function ServerPrice({ size, prices }: { size: PricedSize; prices: PriceList }) {
  return (
    <span className="block text-slate-700 dark:text-slate-300" data-price-cents={serverPriceCents(size, prices)}>
      {formatEstimate(serverPriceCents(size, prices), prices)} <span className="text-xs">(estimate)</span>
    </span>
  );
}

/**
 * The running total of the order, or nothing without a price list (never a zero) or while a size
 * is not a number. "N × one" is spelled out so the sum is easy to check.
 */
export function OrderEstimate({ draft, prices, className = "" }: { draft: Draft; prices: PriceList | null; className?: string }) {
  const size = serverSize(draft);
  if (!prices || !size) return null;
  const n = draft.names.length;
  const one = serverPriceCents(size, prices);
  const total = orderPriceCents(size, n, prices);
  return (
    <p className={`text-sm ${className}`} data-testid="order-estimate" data-total-cents={total} data-server-cents={one} data-servers={n}>
      <span className="font-semibold">Estimated total: {formatEstimate(total, prices)}</span>{" "}
      <span className="text-slate-700 dark:text-slate-300">
        {n > 1 ? `(${n} × ${formatMoney(one, prices.currency)}) ` : ""}before tax; the invoice decides.
      </span>
    </p>
  );
}
