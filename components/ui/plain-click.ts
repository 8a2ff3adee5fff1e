/** What a click on a link tells: which button, which modifier keys, whether a handler took it. */
type LinkClick = { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; defaultPrevented: boolean };

/**
 * A click that means "follow it here": the main button, no modifier key (those open a new tab
 * or window, or download), not handled already. Links that navigate in the page (client-side)
 * act on these alone and leave every other click to the browser.
 */
export function isPlainClick(event: LinkClick): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}
