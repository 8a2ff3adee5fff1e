import { itemTimeline } from "@/lib/orders/timeline";

const marks = { done: "✓", current: "●", upcoming: "○" } as const;
const stateText = { done: "done", current: "current step", upcoming: "not yet" } as const;

/** Payment -> pending creation -> completed (or cancelled), the current step said in words. */
export function ItemTimeline({ code, label }: { code: number; label: string }) {
  const steps = itemTimeline(code);
  return (
    <ol aria-label={`Progress of ${label}`} className="flex flex-wrap gap-x-2 gap-y-1 text-sm">
      {steps.map((step, i) => (
        <li key={step.label} className="flex items-center gap-2">
          {i > 0 ? (
            <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
              →
            </span>
          ) : null}
          <span
            aria-current={step.state === "current" ? "step" : undefined}
            className={
              step.state === "current"
                ? "rounded-md border border-slate-900 px-2 py-0.5 font-semibold dark:border-slate-100"
                : step.state === "done"
                  ? "text-slate-800 dark:text-slate-200"
                  : "text-slate-600 dark:text-slate-300"
            }
          >
            <span aria-hidden="true">{marks[step.state]} </span>
            {step.label}
            <span className={step.state === "current" ? "ml-1 text-xs font-normal uppercase" : "sr-only"}> ({stateText[step.state]})</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
