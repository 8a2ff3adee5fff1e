/**
 * PRICE_LIST: the operator's price list for the dashboard's estimates, and the simulator's own
 * table that demo mode ships. Pure (the file is read through the caller's `readFile`), so the
 * start script, the server and the unit tests share it.
 */
import { z } from "zod";
import type { PriceList } from "@/lib/pricing";
import { priceTable } from "../../simulator/pricing.ts";

/** The simulator's price table as a price list: demo mode shows the prices it will invoice. */
export const demoPriceList: PriceList = {
  currency: "EUR",
  period: "month",
  perGbRam: priceTable.ramGbCents / 100,
  perVcpu: priceTable.cpuCents / 100,
  perGbStorage: priceTable.storageGbCents / 100,
  perIpv4: priceTable.ipv4Cents / 100,
};

const amount = (key: string) =>
  z.number({ error: `${key} must be a number` }).finite(`${key} must be a number`).min(0, `${key} must be 0 or more`).max(1_000_000, `${key} must be at most 1000000`);

/** What PRICE_LIST holds: amounts in the currency's units, e.g. 4 for EUR 4.00 per GB of RAM. */
const priceListSchema = z.strictObject({
  currency: z.string({ error: "currency is required" }).regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code such as EUR"),
  period: z.enum(["month", "year"], { error: 'period must be "month" or "year"' }),
  perGbRam: amount("perGbRam"),
  perVcpu: amount("perVcpu"),
  perGbStorage: amount("perGbStorage"),
  perIpv4: amount("perIpv4"),
});

/**
 * PRICE_LIST: inline JSON (starting with "{") or the path of a JSON file. Every problem is one
 * line naming PRICE_LIST, the file when there is one, and the first wrong key.
 */
export function parsePriceList(value: string, readFile: (path: string) => string): { ok: true; list: PriceList } | { ok: false; message: string } {
  const inline = value.trimStart().startsWith("{");
  const where = inline ? "PRICE_LIST" : `PRICE_LIST (${value})`;
  let text = value;
  if (!inline) {
    try {
      text = readFile(value);
    } catch (error) {
      return { ok: false, message: `${where} cannot be read: ${(error as Error).message.split("\n")[0]}` };
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `${where} is not valid JSON: give {"currency":"EUR","period":"month","perGbRam":4,"perVcpu":3,"perGbStorage":0.1,"perIpv4":2} or the path of a file holding it` };
  }
  const parsed = priceListSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknownKey = issue?.code === "unrecognized_keys" ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")}` : null;
    return { ok: false, message: `${where}: ${unknownKey ?? issue?.message ?? "invalid price list"}` };
  }
  return { ok: true, list: parsed.data };
}
