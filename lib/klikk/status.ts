/**
 * Order and order-item status codes of the klikk action API, mapped to a class and a label.
 *
 * The provider documents only the classes (0, 1xx, 2xx, 9xx); the codes inside each class are
 * the ones settled in ../shared/klikk-api.md. Any other code is shown by its class, and a code
 * outside every class is "unknown" rather than guessed. Browser-safe: the pages import this.
 */

export type StatusClass = "completed" | "payment" | "pending" | "cancelled" | "unknown";

/** Every status class, in the order a list would show them. */
export const statusClasses: readonly StatusClass[] = [
  "payment",
  "pending",
  "completed",
  "cancelled",
  "unknown",
];

/** The class of a status code: 0 completed, 1xx payment, 2xx pending, 9xx cancelled. */
export function statusClass(code: number): StatusClass {
  if (!Number.isInteger(code)) return "unknown";
  if (code === 0) return "completed";
  if (code >= 100 && code <= 199) return "payment";
  if (code >= 200 && code <= 299) return "pending";
  if (code >= 900 && code <= 999) return "cancelled";
  return "unknown";
}

const exactLabels: ReadonlyMap<number, string> = new Map([
  [0, "Completed"],
  [100, "Payment required"],
  [110, "Processing"],
  [200, "Pending creation"],
  [210, "Being provisioned"],
  [900, "Cancellation scheduled"],
  [910, "Cancelled"],
]);

const classLabels: Readonly<Record<Exclude<StatusClass, "unknown">, string>> = {
  completed: "Completed",
  payment: "Payment or processing",
  pending: "Pending creation",
  cancelled: "Cancelled",
};

/** A human label for a status code; codes outside every class read `Unknown (code N)`. */
export function statusLabel(code: number): string {
  const exact = exactLabels.get(code);
  if (exact !== undefined) return exact;
  const cls = statusClass(code);
  return cls === "unknown" ? `Unknown (code ${code})` : classLabels[cls];
}

/**
 * True when nothing is still in progress: completed, cancelled (or scheduled), or unknown.
 * Pages use it to stop polling; 1xx and 2xx are still moving.
 */
export function isSettled(code: number): boolean {
  const cls = statusClass(code);
  return cls !== "payment" && cls !== "pending";
}

/**
 * How a badge looks: the class, except that inside 1xx an open invoice (100) and a paid order
 * being processed (110) look different. Only "payment-required" speaks of money (issue 17: a paid
 * order wore the same orange euro badge as an unpaid one). Other 1xx codes may be either, so they
 * keep the class's look.
 */
export type StatusTone = Exclude<StatusClass, "payment"> | "payment-required" | "processing" | "payment";

export function statusTone(code: number): StatusTone {
  if (code === 100) return "payment-required";
  if (code === 110) return "processing";
  return statusClass(code);
}
