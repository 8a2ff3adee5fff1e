/** Ctrl-K / Cmd-K: opens the command palette (palette-button.tsx; held before then by lazy-header-tools.tsx). */
export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}
