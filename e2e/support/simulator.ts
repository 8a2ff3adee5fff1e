import type { APIRequestContext } from "@playwright/test";
import { simulatorControl, type SimulatorFaults, type SimulatorOrder } from "../../tests/support/simulator-control";
import { E2E } from "./env";

/**
 * The e2e stack's simulator, driven through the shared control helpers (tests/support). The
 * `request` parameter stays so the tests read the same as the rest of their setup; the calls go
 * straight to the simulator.
 */
export type { SimulatorFaults, SimulatorOrder };

export const simulator = simulatorControl(E2E.simulatorOrigin);

/** Sets the e2e simulator's faults (replacing any). */
export async function setFaults(_request: APIRequestContext, faults: SimulatorFaults): Promise<void> {
  await simulator.setFaults(faults);
}

export async function clearFaults(_request?: APIRequestContext): Promise<void> {
  await simulator.clearFaults();
}

export async function simulatorStats(_request: APIRequestContext): Promise<{ requests: Record<string, number>; clientAborts: number }> {
  return simulator.stats();
}

export async function resetStats(_request: APIRequestContext): Promise<void> {
  await simulator.resetStats();
}

export async function advanceSimulator(_request: APIRequestContext, ms: number): Promise<void> {
  await simulator.advance(ms);
}

/** Hold open invoices (no automatic payment) until `/__sim/pay` or a reset; a test then sees status 100 for as long as it needs. */
export async function holdPayments(_request: APIRequestContext, hold = true): Promise<void> {
  await simulator.holdPayments(hold);
}

export async function payOrder(_request: APIRequestContext, orderId: number): Promise<void> {
  await simulator.payOrder(orderId);
}

/** Every order the simulator holds, with its profile's name. */
export async function simulatorOrders(_request?: APIRequestContext): Promise<SimulatorOrder[]> {
  return simulator.orders();
}
