/**
 * Fault injection: what a flaky upstream does to a client. Set by flags, by `setFaults()`, or
 * with the faults API by `POST /__sim/faults`. Rates are shares between 0 and 1 drawn per
 * request; 1 makes a fault certain, which is what tests use.
 */
import { z } from "zod";

export const malformedKinds = ["html", "truncated", "wrong-shape"] as const;
export type MalformedKind = (typeof malformedKinds)[number];

export type Faults = {
  /** Added delay before every answer, in ms. */
  latencyMs?: number;
  /** Share of requests answered 500 (nothing is done). */
  rate500?: number;
  /** Share of requests answered 503 (nothing is done). */
  rate503?: number;
  /** Share of successful answers replaced by a malformed body (the action IS done). */
  malformedRate?: number;
  /** Which malformed bodies to pick from; default all three. */
  malformedKinds?: MalformedKind[];
  /** Never answer (the connection stays open until the client gives up). */
  hang?: boolean;
  /** Share of requests whose connection is reset without an answer (nothing is done). */
  resetRate?: number;
  /** Limit the faults to these actions; default all (including requests without a valid action). */
  actions?: string[];
  /** order_create only: place the order, then never answer. */
  hangAfterCommit?: boolean;
  /** Answer 307 to this URL instead of acting (a client must not follow it). */
  redirectTo?: string;
  /** Apply the faults to the next N matching requests only, then clear them (deterministic tests). */
  times?: number;
};

/** What the simulator has seen, for tests: requests per action and requests the client gave up on. */
export type Stats = { requests: Record<string, number>; clientAborts: number };

const rate = z.number().min(0).max(1);
export const faultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  rate500: rate.optional(),
  rate503: rate.optional(),
  malformedRate: rate.optional(),
  malformedKinds: z.array(z.enum(malformedKinds)).min(1).optional(),
  hang: z.boolean().optional(),
  resetRate: rate.optional(),
  actions: z.array(z.string()).optional(),
  hangAfterCommit: z.boolean().optional(),
  redirectTo: z.url().optional(),
  times: z.number().int().min(1).max(1_000_000).optional(),
});

export function faultsApply(faults: Faults, action: string | undefined): boolean {
  if (!faults.actions || faults.actions.length === 0) return true;
  return action !== undefined && faults.actions.includes(action);
}

export function chance(share: number | undefined, random: () => number = Math.random): boolean {
  return share !== undefined && share > 0 && random() < share;
}

export function pickKind(faults: Faults, random: () => number = Math.random): MalformedKind {
  const kinds = faults.malformedKinds && faults.malformedKinds.length > 0 ? faults.malformedKinds : malformedKinds;
  return kinds[Math.floor(random() * kinds.length)] ?? "html";
}

/** Valid JSON that does not match the contract for the action. */
export function wrongShapeBody(action: string | undefined): string {
  switch (action) {
    case "order_list":
      return JSON.stringify({ orders: "nope" });
    case "server_list":
      return JSON.stringify({ servers: { id: "not-a-list" } });
    case "order_status":
      return JSON.stringify({ order_id: "seventy-three", order_items: 5 });
    case "order_create":
      return JSON.stringify({ order_id: null, status: "ok" });
    default:
      return JSON.stringify([{ unexpected: true }]);
  }
}

export const HTML_BODY =
  "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>\n";

/** Half of the real body (at least one byte short), so JSON.parse fails. */
export function truncate(body: string): string {
  if (body.length <= 1) return "{";
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}
