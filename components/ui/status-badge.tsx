import { statusClass, statusLabel, type StatusClass } from "@/lib/klikk/status";

const classStyles: Record<StatusClass, string> = {
  completed: "border-green-600 bg-green-50 text-green-900 dark:border-green-500 dark:bg-green-950 dark:text-green-100",
  payment: "border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100",
  pending: "border-blue-600 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100",
  cancelled: "border-slate-500 bg-slate-100 text-slate-800 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100",
  unknown: "border-fuchsia-600 bg-fuchsia-50 text-fuchsia-900 dark:border-fuchsia-400 dark:bg-fuchsia-950 dark:text-fuchsia-100",
};

const classIcons: Record<StatusClass, string> = { completed: "✓", payment: "€", pending: "…", cancelled: "✕", unknown: "?" };

/**
 * An order or item status: always text (never colour alone) with the class's icon; the raw
 * code is in the label for unknown codes and in the title otherwise.
 */
export function StatusBadge({ code }: { code: number }) {
  const cls = statusClass(code);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${classStyles[cls]}`}
      title={`Status code ${code}`}
      data-status-class={cls}
      data-status-code={code}
    >
      <span aria-hidden="true">{classIcons[cls]}</span>
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
