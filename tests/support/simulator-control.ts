import type { Faults } from "../../simulator/faults.ts";

/**
 * The simulator's control endpoints (`/__sim/...`, no authentication) as plain functions over
 * fetch, so the unit tests, the e2e tests and the scripts drive the simulator the same way: its
 * clock is advanced instead of sleeping, faults are set and cleared, invoices paid or held.
 */

export type SimulatorFaults = Faults;

export type SimulatorOrder = { id: number; profile: string; status: number; items: { id: number; name: string; status: number }[] };

async function control(origin: string, path: string, method: "GET" | "POST" | "DELETE", body?: unknown): Promise<unknown> {
  const response = await fetch(`${origin}/__sim/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${method} /__sim/${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export function simulatorControl(origin: string) {
  return {
    /** Back to the seed, with faults cleared. */
    reset: async () => {
      await control(origin, "reset", "POST");
      await control(origin, "faults", "DELETE");
    },
    setFaults: (faults: SimulatorFaults) => control(origin, "faults", "POST", faults),
    clearFaults: () => control(origin, "faults", "DELETE"),
    /** Moves the virtual clock: orders move on as if `ms` had passed. */
    advance: (ms: number) => control(origin, "advance", "POST", { ms }),
    /** Pays an order's open invoice now. */
    payOrder: (orderId: number) => control(origin, "pay", "POST", { order_id: orderId }),
    /** Holds open invoices (no automatic payment) until paid or reset: status 100 stays. */
    holdPayments: (hold = true) => control(origin, "payments", "POST", { hold }),
    stats: () => control(origin, "stats", "GET") as Promise<{ requests: Record<string, number>; clientAborts: number }>,
    resetStats: () => control(origin, "stats", "DELETE"),
    /** Every order with its profile's name and the items' statuses. */
    orders: async () => ((await control(origin, "state?orders=1", "GET")) as { orderList: SimulatorOrder[] }).orderList,
  };
}
