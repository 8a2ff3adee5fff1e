"use client";

import { lazy, Suspense } from "react";
import type { PriceList } from "@/lib/pricing";
import { useDraft } from "./draft-store";
import { WizardSkeleton } from "./wizard-notices";

export { WizardSkeleton };

/**
 * The wizard itself (its first step, footer, step list and placing) is not in the page's first
 * load: the draft lives in the browser's storage, so the server's HTML and the hydration render
 * show the skeleton whatever happens, and the wizard can only appear after hydration. Its chunk is
 * asked for as soon as this module runs in the browser, in parallel with hydration, so by the
 * time the draft is read it is usually there (about 8 kB gzip of this route's first load).
 * React's own lazy, as next/dynamic's loader costs about 1 kB gzip of every first load.
 */
const loadWizard = () => import("./wizard");
if (typeof window !== "undefined") void loadWizard().catch(() => {});
const Wizard = lazy(() => loadWizard().then((m) => ({ default: m.Wizard })));

/** The order wizard: four steps, a draft that survives reloads, one order however often you click. */
export function OrderWizard({ prices }: { prices: PriceList | null }) {
  const draft = useDraft();
  if (!draft) return <WizardSkeleton />;
  return (
    <Suspense fallback={<WizardSkeleton />}>
      <Wizard draft={draft} prices={prices} />
    </Suspense>
  );
}
