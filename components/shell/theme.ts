/**
 * The theme choice: read, applied and remembered here, for the header's toggle and the command
 * palette alike. A change is announced with an event so the toggle's label follows a palette choice.
 */
export type ThemeChoice = "system" | "light" | "dark";

const STORAGE_KEY = "klikk-theme";
export const THEME_EVENT = "klikk-theme-change";

export function applyTheme(choice: ThemeChoice) {
  const dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

/** Applies and remembers a choice, and tells every toggle on the page. */
export function chooseTheme(choice: ThemeChoice) {
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private mode or storage disabled: the theme still changes for this page.
  }
  applyTheme(choice);
  window.dispatchEvent(new CustomEvent<ThemeChoice>(THEME_EVENT, { detail: choice }));
}
