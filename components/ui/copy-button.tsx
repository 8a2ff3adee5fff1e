"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button-core";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies a value to the clipboard. The outcome is announced through its own polite live region
 * (always in the DOM, so screen readers pick up the change); the visible "Copy" starts the
 * accessible name, so voice control users can say what they see.
 */
export function CopyButton({ value, label, className = "" }: { value: string; label: string; className?: string }) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function handleClick() {
    try {
      // navigator.clipboard is missing outside secure contexts (plain http on another host).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 3000);
  }

  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`}>
      <button type="button" className={buttonClasses("secondary", "sm", "min-h-7 px-2 py-0 text-xs")} aria-label={`Copy ${label}`} onClick={handleClick}>
        Copy
      </button>
      <span role="status" aria-live="polite" className="text-xs font-medium text-green-800 empty:hidden dark:text-green-300">
        {state === "copied" ? "Copied" : state === "failed" ? <span className="text-red-700 dark:text-red-300">Copy failed: select the address and copy it by hand</span> : ""}
      </span>
    </span>
  );
}
