/**
 * What a person reads once an order is placed. The wizard links to `/orders/{id}?created=1&status=N`
 * and the order page can show the same words with `createdNotice`, so both say one thing.
 */

/** The sentence for status 100 (payment required): the order exists, an invoice waits. */
export const PAYMENT_REQUIRED_NOTICE =
  "An invoice was created for this order. Pay it in the klikk portal; the order continues once it is paid.";

export function isPaymentRequired(status: number): boolean {
  return status === 100;
}

/** The notice for a newly placed order, by its status code. */
export function createdNotice(orderId: number, status: number): { title: string; text: string } {
  if (isPaymentRequired(status)) return { title: `Order ${orderId} placed: payment required`, text: PAYMENT_REQUIRED_NOTICE };
  return { title: `Order ${orderId} placed`, text: "The servers are being set up; this page follows the order's progress." };
}

/** The order page's address after a successful order. */
export function createdOrderHref(orderId: number, status: number): string {
  return `/orders/${orderId}?created=1&status=${status}`;
}
