import type { ReactNode } from "react";

type Tone = "error" | "warning" | "info" | "success";
const tones: Record<Tone, string> = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  info: "border-blue-300 bg-blue-50 text-blue-950 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100",
  success: "border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-100",
};
const prefix: Record<Tone, string> = { error: "Error", warning: "Warning", info: "Note", success: "Done" };

/** A message box; errors are announced at once (role=alert), the rest politely (role=status). */
export function Alert({ tone = "info", title, children, className = "", id }: { tone?: Tone; title?: string; children?: ReactNode; className?: string; id?: string }) {
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${tones[tone]} ${className}`}>
      <p className="font-semibold">
        <span className="sr-only">{prefix[tone]}: </span>
        {title ?? prefix[tone]}
      </p>
      {children ? <div className="mt-1 space-y-1">{children}</div> : null}
    </div>
  );
}
