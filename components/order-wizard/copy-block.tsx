"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button-core";

/** A read-only code block with a Copy button; the pre scrolls by itself and is reachable by keyboard. */
export function CopyBlock({ id, title, text, description }: { id: string; title: string; text: string; description?: string }) {
  const [note, setNote] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setNote("Copied.");
    } catch {
      // No clipboard permission (or an insecure origin): select the text so Ctrl+C works.
      const pre = document.getElementById(`${id}-code`);
      const selection = window.getSelection();
      if (pre && selection) {
        const range = document.createRange();
        range.selectNodeContents(pre);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setNote("Copying is not allowed here: the text is selected, press Ctrl+C (or ⌘C) to copy it.");
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h3>
        <div className="flex items-center gap-2">
          <span role="status" className="text-xs text-slate-700 dark:text-slate-300">
            {note}
          </span>
          <Button variant="secondary" size="sm" onClick={copy} aria-label={`Copy the ${title}`}>
            Copy
          </Button>
        </div>
      </div>
      {description ? <p className="text-sm text-slate-600 dark:text-slate-300">{description}</p> : null}
      <pre
        id={`${id}-code`}
        tabIndex={0}
        aria-labelledby={`${id}-title`}
        className="max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      >
        {text}
      </pre>
    </section>
  );
}
