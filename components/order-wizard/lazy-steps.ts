"use client";

import { lazy } from "react";

/**
 * Only the first step comes with the wizard's own code (itself loaded beside hydration, see
 * order-wizard.tsx): the network step alone brought the SSH key and address checks and
 * ipaddr.js. The others load in idle time after the wizard appears (preloadSteps), so moving on
 * does not wait for them; until then a step shows a skeleton.
 */
const loadStepImage = () => import("./step-image");
const loadStepNetwork = () => import("./step-network");
const loadStepReview = () => import("./step-review");
export const StepImage = lazy(() => loadStepImage().then((m) => ({ default: m.StepImage })));
export const StepNetwork = lazy(() => loadStepNetwork().then((m) => ({ default: m.StepNetwork })));
export const StepReview = lazy(() => loadStepReview().then((m) => ({ default: m.StepReview })));
// Shown only after a failed placing, with the orders that may have been placed meanwhile (their
// list and times): loaded with the later steps, not in the first load.
const loadFailureAlert = () => import("./failure-alert");
export const FailureAlert = lazy(() => loadFailureAlert().then((m) => ({ default: m.FailureAlert })));

export function preloadSteps(): () => void {
  const load = () => void Promise.all([loadStepImage(), loadStepNetwork(), loadStepReview(), loadFailureAlert()]).catch(() => {});
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(load, { timeout: 2_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(load, 200);
  return () => clearTimeout(id);
}
