/** The steps of one item's life, for the order page's timeline. */
import { statusClass, statusLabel } from "@/lib/klikk/status";

export type TimelineStep = { label: string; state: "done" | "current" | "upcoming" };

/**
 * The life of one item: payment -> pending creation -> completed, or ending in a cancellation.
 * Unknown codes mark no step, rather than guessing where the item is.
 */
export function itemTimeline(code: number): TimelineStep[] {
  const cls = statusClass(code);
  const step = (label: string, state: TimelineStep["state"]): TimelineStep => ({ label, state });
  switch (cls) {
    case "payment":
      return [step(code === 110 ? "Payment received" : "Payment", "current"), step("Pending creation", "upcoming"), step("Completed", "upcoming")];
    case "pending":
      return [step("Payment", "done"), step(code === 210 ? "Being provisioned" : "Pending creation", "current"), step("Completed", "upcoming")];
    case "completed":
      return [step("Payment", "done"), step("Pending creation", "done"), step("Completed", "current")];
    case "cancelled":
      return [step("Payment", "done"), step("Pending creation", "done"), step(statusLabel(code), "current")];
    default:
      return [step("Payment", "upcoming"), step("Pending creation", "upcoming"), step("Completed", "upcoming")];
  }
}
