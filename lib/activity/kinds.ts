/**
 * The kinds of activity the dashboard records, with the words the Activity page uses. Shared by
 * the server (which records them) and the browser (which filters and shows them).
 */
export const ACTIVITY_KINDS = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in refused",
  sign_in_limited: "Sign-in paused by the limit",
  sign_out: "Signed out",
  session_ended: "Session ended",
  order_placed: "Order placed",
  order_payment_required: "Payment required",
  order_outcome_unknown: "Order not confirmed",
  order_cancelled: "Order cancelled",
  item_cancelled: "Item cancelled",
  account_added: "Account added",
  account_removed: "Account removed",
} as const;

export type ActivityKind = keyof typeof ACTIVITY_KINDS;

export function isActivityKind(value: string): value is ActivityKind {
  return Object.hasOwn(ACTIVITY_KINDS, value);
}

/** One event as the browser sees it. */
export type ActivityEntry = {
  id: string;
  at: number;
  kind: ActivityKind;
  /** The session account the event belongs to (its key and label), when listed for a session. */
  account?: string;
  accountLabel?: string;
  /** Who and where: the session's browser and address, when known. */
  browser?: string;
  clientAddress?: string;
  username?: string;
  orderId?: number;
  itemId?: number;
  items?: string[];
  reference?: string;
  /** A short human detail: why a sign-in failed, the upstream's payment message, a count. */
  detail?: string;
};
