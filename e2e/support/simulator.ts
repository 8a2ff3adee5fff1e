import type { APIRequestContext } from "@playwright/test";
import type { Faults } from "../../simulator/faults.ts";
import { E2E } from "./env";

export type SimulatorFaults = Faults;

/** Sets the e2e simulator's faults (replacing any). */
export async function setFaults(request: APIRequestContext, faults: SimulatorFaults): Promise<void> {
  const response = await request.post(`${E2E.simulatorOrigin}/__sim/faults`, { data: faults });
  if (!response.ok()) throw new Error(`setting faults failed: ${response.status()} ${await response.text()}`);
}

export async function simulatorStats(request: APIRequestContext): Promise<{ requests: Record<string, number>; clientAborts: number }> {
  return (await request.get(`${E2E.simulatorOrigin}/__sim/stats`)).json();
}

export async function resetStats(request: APIRequestContext): Promise<void> {
  await request.delete(`${E2E.simulatorOrigin}/__sim/stats`);
}

export async function advanceSimulator(request: APIRequestContext, ms: number): Promise<void> {
  await request.post(`${E2E.simulatorOrigin}/__sim/advance`, { data: { ms } });
}

/** Hold open invoices (no automatic payment) until `/__sim/pay` or a reset; a test then sees status 100 for as long as it needs. */
export async function holdPayments(request: APIRequestContext, hold = true): Promise<void> {
  const response = await request.post(`${E2E.simulatorOrigin}/__sim/payments`, { data: { hold } });
  if (!response.ok()) throw new Error(`holding payments failed: ${response.status()} ${await response.text()}`);
}
