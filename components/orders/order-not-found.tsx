import Link from "next/link";
import { Card } from "@/components/ui/card";

/** An order the API does not know (or the account may not see): said plainly, with a way back. */
export function OrderNotFound({ orderId }: { orderId?: string | number }) {
  return (
    <Card className="mx-auto max-w-xl text-center">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">404</p>
      <h1 id="page-title" tabIndex={-1} className="mt-2 text-2xl font-semibold focus:outline-none">
        Order not found
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        {orderId !== undefined ? `There is no order ${orderId} in this account.` : "There is no such order in this account."} It may belong to another
        profile, or the link may be mistyped.
      </p>
      <p className="mt-6">
        <Link href="/orders" className="font-medium text-blue-700 underline dark:text-blue-300">
          Back to all orders
        </Link>
      </p>
    </Card>
  );
}
