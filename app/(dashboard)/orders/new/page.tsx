import type { Metadata } from "next";
import { Suspense } from "react";
import { OrderWizard, WizardSkeleton } from "@/components/order-wizard/order-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { getEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "New order" };

export default function NewOrderPage() {
  // The price list is the operator's setting: read on the server, handed to the wizard as data.
  const prices = getEnv().priceList;
  return (
    <>
      <PageHeader title="New order" description="Order one or more servers in four short steps. Nothing is ordered until you place the order on the last step." />
      {/* The wizard keeps its step in the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<WizardSkeleton />}>
        <OrderWizard prices={prices} />
      </Suspense>
    </>
  );
}
