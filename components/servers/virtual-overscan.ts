/**
 * How many rows (or cards) a virtualised server list renders beyond those in view: four while it
 * scrolls, one at rest.
 *
 * While the box scrolls, the browser moves its content before the scroll event lets the list
 * render what comes into view, so the rows just past the edge must exist already: four, about
 * two wheel steps of table rows. At rest one is enough, so that Tab from the last row in view
 * reaches the next one (which the browser then scrolls into view). Every row beyond that is DOM
 * that the first render and each search keystroke build, update and lay out: the table at the
 * top of a 900 px window rendered 17 rows for 13 in view with four at rest, 14 with one, and
 * the first keystroke and the first render over 20,000 servers got faster (bench:compare).
 *
 * `previous` is the list's virtualizer as of its last render (null on the first), kept in a ref
 * written during render: it is the same instance every time. The scroll that re-renders the list
 * has set its isScrolling already, and the end of the scroll (150 ms after the last scroll
 * event) renders the list again, which trims the rows back.
 */
export function overscanOf(previous: { readonly isScrolling: boolean } | null): number {
  return previous?.isScrolling ? 4 : 1;
}
