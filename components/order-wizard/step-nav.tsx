"use client";

import type { MouseEvent } from "react";
import { isPlainClick } from "@/components/ui/plain-click";
import { stepIds, stepTitles, type StepId } from "@/lib/order-wizard/steps";

/** A plain left click moves within the wizard; modified clicks open the step's address as usual. */
export function inPageClick(event: MouseEvent<HTMLAnchorElement>, go: () => void) {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  go();
}

/** The list of steps: links to the steps already seen, the current one marked for screen readers. */
export function StepNav({ step, furthest, onGo }: { step: StepId; furthest: StepId; onGo: (step: StepId) => void }) {
  const stepIndex = stepIds.indexOf(step);
  const reach = Math.max(stepIds.indexOf(furthest), stepIndex);
  return (
    <nav aria-label="Order steps">
      <ol className="flex flex-wrap gap-x-1 gap-y-2 text-sm">
        {stepIds.map((id, i) => {
          const current = id === step;
          const label = (
            <>
              <span aria-hidden="true" className="mr-1 inline-grid size-5 place-items-center rounded-full border border-current text-xs">
                {i + 1}
              </span>
              {stepTitles[id]}
            </>
          );
          const classes = `inline-flex items-center rounded-md px-2 py-1 ${current ? "bg-blue-700 font-semibold text-white dark:bg-blue-500 dark:text-slate-950" : ""}`;
          return (
            <li key={id}>
              {i <= reach && !current ? (
                <a
                  href={`?step=${id}`}
                  className={`${classes} text-blue-800 underline-offset-2 hover:underline dark:text-blue-300`}
                  onClick={(event) => inPageClick(event, () => onGo(id))}
                >
                  {label}
                </a>
              ) : (
                <span className={`${classes} ${current ? "" : "text-slate-600 dark:text-slate-400"}`} aria-current={current ? "step" : undefined}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
