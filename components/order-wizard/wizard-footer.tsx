"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button-core";
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
  const ref = useRef<HTMLDivElement>(null);

  // A field scrolled into view by keyboard focus must not end up under the bar (WCAG 2.4.11):
  // the page keeps a bottom scroll padding as tall as the bar while the wizard is open. How much
  // of the window's bottom the bar takes (its height once stuck; more when a short page ends
  // below it) is published as --sticky-bar-height, which lifts the notices' toasts above it: a
  // "server is ready" toast used to cover Place order.
  useEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!bar) return;
    // Written only when it changes: a custom property set on the root restyles the whole page,
    // and scrolling with the bar stuck changes nothing.
    let covered = "";
    const publishCovered = () => {
      const value = `${Math.max(0, Math.ceil(window.innerHeight - bar.getBoundingClientRect().top))}px`;
      if (value === covered) return;
      covered = value;
      root.style.setProperty("--sticky-bar-height", value);
    };
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingBottom = `${bar.offsetHeight + 8}px`;
      publishCovered();
    });
    observer.observe(bar);
    // Content above that grows or shrinks (an alert appearing) moves a bar that is not stuck.
    observer.observe(document.body);
    window.addEventListener("scroll", publishCovered, { passive: true });
    window.addEventListener("resize", publishCovered, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener("scroll", publishCovered);
      window.removeEventListener("resize", publishCovered);
      root.style.scrollPaddingBottom = "";
      root.style.removeProperty("--sticky-bar-height");
    };
  }, []);

  return (
    <div
      ref={ref}
      className="sticky bottom-0 z-10 -mx-4 mt-6 space-y-2 rounded-b-lg border-t border-slate-200 bg-white px-4 py-3 shadow-[0_-4px_8px_-6px_rgb(0_0_0/0.25)] sm:-mx-6 sm:px-6 dark:border-slate-700 dark:bg-slate-900">
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
          {READ_ONLY_NOTICE}. The klikk API refused this account an order before.
        </p>
      ) : null}
    </div>
  );
}
