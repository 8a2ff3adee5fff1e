/**
 * Ctrl-K / Cmd-K, heard by the header's first-load part (components/shell/lazy-header-tools.tsx)
 * from hydration on. The palette's button hydrates a moment later, when its code arrives; a press
 * in between is kept and opens the palette then, instead of being lost.
 */
let requested = false;
let openPalette: (() => void) | null = null;

function isPaletteShortcut(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** Listens on the document until the returned function is called (an effect's cleanup). */
export function listenForPaletteShortcut(): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!isPaletteShortcut(event)) return;
    // Taken from the browser (Ctrl-K focuses its own search bar) on purpose: it is the shortcut users expect here.
    event.preventDefault();
    if (openPalette) openPalette();
    else requested = true;
  };
  document.addEventListener("keydown", onKey);
  return () => {
    document.removeEventListener("keydown", onKey);
    requested = false;
  };
}

/** The palette's button, once mounted: opens it now if the shortcut was pressed before. */
export function handlePaletteShortcut(open: () => void): () => void {
  openPalette = open;
  if (requested) {
    requested = false;
    open();
  }
  return () => {
    if (openPalette === open) openPalette = null;
  };
}
