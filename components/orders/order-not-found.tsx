import { NotFoundPanel } from "@/components/shell/not-found-panel";

/** An order the API does not know (or the account may not see): said plainly, with a way back. */
export function OrderNotFound({ orderId }: { orderId?: string | number }) {
  return (
    <NotFoundPanel title="Order not found" backHref="/orders" backLabel="Back to all orders">
      {orderId !== undefined ? `There is no order ${orderId} in this account.` : "There is no such order in this account."} It may belong to another profile, or the
      link may be mistyped.
    </NotFoundPanel>
  );
}
