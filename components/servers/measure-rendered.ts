import { measureElement, type Virtualizer } from "@tanstack/react-virtual";

/**
 * The virtualizers' measureElement without a synchronous layout. By default a row that comes
 * into view is measured in the commit that mounts it (offsetHeight), which forces the browser to
 * lay out the page inside React's commit: on every keystroke that brings new rows, and for the
 * whole table on the first render. Here a new row counts at its known or estimated size until
 * the ResizeObserver, which the virtualizer already has on every row, reports its real size
 * after the browser's own layout and before the paint: a row of another size (a details row, a
 * card with a wrapped address) is corrected within the same frame.
 */
export function measureRendered<E extends Element>(element: E, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, E>): number {
  if (entry) return measureElement(element, entry, instance);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}
