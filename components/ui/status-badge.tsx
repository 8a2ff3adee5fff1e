import { statusClass, statusLabel, statusTone, type StatusTone } from "@/lib/klikk/status";

const amber = "border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100";
const classStyles: Record<StatusTone, string> = {
  completed: "border-green-600 bg-green-50 text-green-900 dark:border-green-500 dark:bg-green-950 dark:text-green-100",
  "payment-required": amber,
  payment: amber,
  // Paid and on its way: the look of "in progress", not of money owed.
  processing: "border-sky-700 bg-sky-50 text-sky-950 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100",
  pending: "border-blue-600 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100",
  cancelled: "border-slate-500 bg-slate-100 text-slate-800 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100",
  unknown: "border-fuchsia-600 bg-fuchsia-50 text-fuchsia-900 dark:border-fuchsia-400 dark:bg-fuchsia-950 dark:text-fuchsia-100",
};

const classIcons: Record<StatusTone, string> = {
  completed: "✓",
  "payment-required": "€",
  payment: "€",
  processing: "↻",
  pending: "…",
  cancelled: "✕",
  unknown: "?",
};

/**
 * An order or item status: always text (never colour alone) with the class's icon; the raw
 * code is in the label for unknown codes and in the title otherwise.
 */
export function StatusBadge({ code }: { code: number }) {
  const tone = statusTone(code);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${classStyles[tone]}`}
      title={`Status code ${code}`}
      data-status-class={statusClass(code)}
      data-status-tone={tone}
      data-status-code={code}
    >
      <span aria-hidden="true">{classIcons[tone]}</span>
      {statusLabel(code)}
    </span>
  );
}

/** Running state of a server, as text with a shape, not colour alone. */
export function RunningBadge({ running }: { running: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${
        running ? classStyles.completed : classStyles.cancelled
      }`}
      data-running={running ? "1" : "0"}
    >
      <span aria-hidden="true">{running ? "▶" : "■"}</span>
      {running ? "Running" : "Stopped"}
    </span>
  );
}
