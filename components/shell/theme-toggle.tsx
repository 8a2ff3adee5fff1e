"use client";

import { useEffect, useState } from "react";
import { applyTheme, chooseTheme, readThemeChoice, THEME_EVENT, type ThemeChoice } from "./theme";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

/** Cycles System → Light → Dark; the choice is remembered in this browser. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>("system");

  useEffect(() => {
    // The stored choice is only readable in the browser, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChoice(readThemeChoice());
    // The command palette changes the theme too; the label follows.
    const onChange = (event: Event) => setChoice((event as CustomEvent<ThemeChoice>).detail);
    window.addEventListener(THEME_EVENT, onChange);
    return () => window.removeEventListener(THEME_EVENT, onChange);
  }, []);

  useEffect(() => {
    if (choice !== "system") return;
    const media = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => applyTheme("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [choice]);

  function handleClick() {
    chooseTheme(NEXT[choice]);
  }

  return (
    <button
      type="button"
      onClick={handleClick}
      className="inline-flex min-h-9 items-center gap-1 rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      aria-label={`Theme: ${LABEL[choice]}. Change theme`}
      data-theme-choice={choice}
    >
      <span aria-hidden="true">{choice === "dark" ? "☾" : choice === "light" ? "☀" : "◐"}</span>
      {/* Icon only on a phone, so the header keeps to one row; the name says the choice. */}
      <span className="hidden sm:inline">{LABEL[choice]}</span>
    </button>
  );
}
