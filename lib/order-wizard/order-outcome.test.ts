import { describe, expect, it } from "vitest";
import type { ApiErrorCode } from "@/lib/api-errors";
import { mapOrderOutcome, type PlaceAnswer } from "./order-outcome";

const failed = (status: number, code: ApiErrorCode, message: string, fields: Record<string, string> = {}): PlaceAnswer => ({
  ok: false,
  error: { status, code, message, fields },
});

describe("mapOrderOutcome", () => {
  it("puts a 400's fields on their wizard fields, by path, and lets the next attempt use a new key", () => {
    const outcome = mapOrderOutcome(
      failed(400, "validation", "items[0].product.options.features.sshd.ip_allow is required", {
        "items[0].product.options.features.sshd.ip_allow": "is required",
        "items[1].name": '"a b" is not a valid server name',
      }),
    );
    expect(outcome).toEqual({
      kind: "fields",
      renewKey: true,
      errors: [
        ["ip-allow", "The SSH allow list is required."],
        ["server-name-1", '"a b" is not a valid server name.'],
      ],
    });
  });

  it("puts a 409 with a field on that field (an unknown firewall group)", () => {
    const outcome = mapOrderOutcome(
      failed(409, "conflict", 'items[0].product.options.firewall_id: firewall group 99 does not exist in profile "Demo AS"', {
        "items[0].product.options.firewall_id": 'firewall group 99 does not exist in profile "Demo AS"',
      }),
    );
    expect(outcome).toEqual({ kind: "fields", renewKey: true, errors: [["firewall-id", 'Firewall group 99 does not exist in profile "Demo AS".']] });
  });

  it("puts a 409 anti-affinity conflict on the group number, never reading the message for it", () => {
    const message = "anti-affinity group 7 has no free host (at most 4 servers of one group can run apart): use another group number";
    expect(mapOrderOutcome(failed(409, "conflict", `items[1].product.options.antiaffinity: ${message}`, { "items[1].product.options.antiaffinity": message }))).toEqual({
      kind: "fields",
      renewKey: true,
      errors: [["antiaffinity", `Anti-affinity group 7 has no free host (at most 4 servers of one group can run apart): use another group number.`]],
    });
    // Without `fields` the same words do not name a field: the conflict goes to the network step as a whole.
    expect(mapOrderOutcome(failed(409, "conflict", `items[1].product.options.antiaffinity: ${message}`))).toMatchObject({
      kind: "fields",
      errors: [["network-general", expect.stringMatching(/^Items\[1\]/)]],
    });
  });

  it("lands on the order page for a 1xx answer: payment required, or processing once paid", () => {
    expect(mapOrderOutcome({ ok: true, orderId: 101, status: 100, message: "Payment required: invoice 5521 created (EUR 32.00)" })).toEqual({
      kind: "placed",
      href: "/orders/101?created=1&status=100",
      title: "Order 101 placed: payment required",
      message: "Payment required: invoice 5521 created (EUR 32.00)",
    });
    expect(mapOrderOutcome({ ok: true, orderId: 102, status: 110, message: "Order is being processed" })).toMatchObject({
      kind: "placed",
      href: "/orders/102?created=1&status=110",
      title: "Order 102 placed",
    });
  });

  it("after a timeout the outcome is unknown: a notice, the same key kept, and a link to the orders", () => {
    const outcome = mapOrderOutcome(failed(504, "upstream_timeout", "The klikk API did not answer in time; check the order list before trying again."));
    expect(outcome).toMatchObject({ kind: "notice", renewKey: false, failure: { title: "The outcome of this order is unknown", ordersLink: true } });
    expect(mapOrderOutcome({ ok: false, error: { status: 0, code: "network", message: "The dashboard could not be reached.", fields: {} } })).toMatchObject({
      kind: "notice",
      renewKey: false,
    });
  });

  it("tells a read-only refusal and a reused key on the review step", () => {
    expect(mapOrderOutcome(failed(403, "read_only", "read-only access: placing orders is not allowed"))).toMatchObject({
      kind: "notice",
      renewKey: true,
      failure: { title: "The order was not placed. Read-only access: ordering and cancelling are off.", readOnly: true },
    });
    expect(mapOrderOutcome(failed(409, "idempotency_conflict", "This Idempotency-Key was already used"))).toMatchObject({
      kind: "notice",
      renewKey: false,
      failure: { newAttempt: true, ordersLink: true },
    });
  });

  it("a 400 without fields, or one only about the whole request, is told on the review step", () => {
    expect(mapOrderOutcome(failed(400, "validation", "The request body is not valid JSON."))).toMatchObject({
      kind: "notice",
      renewKey: true,
      failure: { title: "The order was not placed", text: "The request body is not valid JSON." },
    });
    expect(mapOrderOutcome(failed(400, "validation", "bad", { body: "bad" }))).toMatchObject({ kind: "notice" });
    expect(mapOrderOutcome({ ok: false, error: null })).toMatchObject({ kind: "notice", failure: { text: "Something unexpected happened. Try again." } });
  });
});
