import type { Metadata } from "next";
import { Suspense } from "react";
import { OrderWizard, WizardSkeleton } from "@/components/order-wizard/order-wizard";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "New order" };

export default function NewOrderPage() {
  return (
    <>
      <PageHeader title="New order" description="Order one or more servers in six short steps. Nothing is ordered until you place the order on the last step." />
      {/* The wizard keeps its step in the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<WizardSkeleton />}>
        <OrderWizard />
      </Suspense>
    </>
  );
}
