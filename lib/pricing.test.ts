import { describe, expect, it } from "vitest";
import { demoPriceList } from "@/lib/config/price-list";
import { formatEstimate, orderPriceCents, serverPriceCents } from "./pricing";
import type { OrderItem } from "@/lib/klikk/contract/order-request";
import { orderBody } from "@/tests/support/order-body";
import { itemPriceCents } from "../simulator/pricing.ts";

describe("pricing", () => {
  it("estimates what the simulator will invoice, from the demo price list", () => {
    const item = orderBody().items[0] as OrderItem;
    const o = item.product.options;
    const size = { ramGb: o.quantity_ram_gb, cpu: o.quantity_cpu, storageGb: o.quantity_storage_gb, ipv4: o.features.ipv4 === 1 };
    expect(serverPriceCents(size, demoPriceList)).toBe(itemPriceCents(item));
  });

  it("rounds one server once, so N servers cost exactly N times one", () => {
    const size = { ramGb: 4, cpu: 2, storageGb: 80, ipv4: true };
    expect(serverPriceCents(size, demoPriceList)).toBe(1600 + 600 + 800 + 200);
    expect(orderPriceCents(size, 3, demoPriceList)).toBe(3 * 3200);
    const odd = { ...demoPriceList, perGbStorage: 0.0333 };
    expect(orderPriceCents(size, 7, odd)).toBe(7 * serverPriceCents(size, odd));
  });

  it("labels every amount with its period", () => {
    expect(formatEstimate(3200, demoPriceList)).toBe("€32.00 per month");
    expect(formatEstimate(120000, { ...demoPriceList, currency: "CHF", period: "year" })).toMatch(/^CHF\s?1,200\.00 per year$/);
  });
});
