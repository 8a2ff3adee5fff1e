import { useState } from "react";

/**
 * React keys for the rows a virtualised list renders, recycled: a row that stays in the window
 * keeps its key (and so its DOM, its focus and its place for screen readers), and a row that
 * comes in takes the key of one that went out, so React updates that row's cells in place
 * instead of deleting one row's DOM and building another's. A search keystroke over 20,000
 * servers replaces most rows in view: in traces, deleting and building those rows was the larger
 * part of the keystroke's commit.
 *
 * Safe for rows without state of their own (a reused row gets new props, not new state).
 */
export function recycleKeys<K>(previous: ReadonlyMap<K, number>, keys: readonly K[], nextSlot: { value: number }): Map<K, number> {
  const next = new Map<K, number>();
  const taken = new Set<number>();
  for (const key of keys) {
    const slot = previous.get(key);
    if (slot !== undefined && !next.has(key)) {
      next.set(key, slot);
      taken.add(slot);
    }
  }
  const free: number[] = [];
  for (const slot of previous.values()) if (!taken.has(slot)) free.push(slot);
  let reused = 0;
  for (const key of keys) {
    if (next.has(key)) continue;
    next.set(key, reused < free.length ? free[reused++]! : nextSlot.value++);
  }
  return next;
}

/**
 * The recycled key of each item key, for this render. The assignment is kept across renders in
 * an object made once; giving it the same keys again gives the same answer (every key keeps its
 * slot), so a render React repeats (Strict Mode) or throws away changes nothing that matters:
 * keys only decide which DOM React reuses.
 */
class KeyRecycler<K> {
  private slots: Map<K, number> = new Map();
  private readonly nextSlot = { value: 0 };

  keysFor(keys: readonly K[]): ReadonlyMap<K, number> {
    this.slots = recycleKeys(this.slots, keys, this.nextSlot);
    return this.slots;
  }
}

export function useRecycledKeys<K>(keys: readonly K[]): ReadonlyMap<K, number> {
  const [recycler] = useState(() => new KeyRecycler<K>());
  return recycler.keysFor(keys);
}
