"use client";

import { Button } from "@/components/ui/button";
import { READ_ONLY_NOTICE } from "@/lib/api-errors";
import type { Draft } from "@/lib/order-wizard/draft";
import { stepIds, stepTitles, type StepId } from "@/lib/order-wizard/steps";
import type { PriceList } from "@/lib/pricing";
import { OrderEstimate } from "./price";

type Props = {
  step: StepId;
  draft: Draft;
  prices: PriceList | null;
  placing: boolean;
  readOnly: boolean;
  onBack: () => void;
  onStartOver: () => void;
  onPlaceOrder: () => void;
};

/**
 * The wizard's actions with the running total. Sticky at the bottom of the window on every
 * screen size, so "Place order" is in view on the review step without scrolling (issue 17: it
 * sat about 1,900 px down on a desktop and 2,500 px on a phone).
 */
export function WizardFooter({ step, draft, prices, placing, readOnly, onBack, onStartOver, onPlaceOrder }: Props) {
  const index = stepIds.indexOf(step);
  const next = stepIds[index + 1];
  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-6 space-y-2 rounded-b-lg border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 dark:border-slate-700 dark:bg-slate-900/95">
      {step !== "review" ? <OrderEstimate draft={draft} prices={prices} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap gap-2">
          {index > 0 ? (
            <Button variant="secondary" onClick={onBack}>
              Back
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onStartOver}>
            Start over
          </Button>
        </div>
        {next ? (
          <Button type="submit">Next: {stepTitles[next]}</Button>
        ) : (
          <Button pending={placing} disabled={readOnly} aria-describedby={readOnly ? "place-order-off" : undefined} onClick={onPlaceOrder}>
            {placing ? "Placing order…" : "Place order"}
          </Button>
        )}
      </div>
      {step === "review" && readOnly ? (
        <p id="place-order-off" className="text-sm text-slate-700 dark:text-slate-300">
          {READ_ONLY_NOTICE}: the klikk API refused this account an order before.
        </p>
      ) : null}
    </div>
  );
}
