import { describe, expect, it } from "vitest";
import { recycleKeys } from "./recycled-keys";

const assign = (previous: Map<number, number>, keys: number[], next = { value: 100 }) => recycleKeys(previous, keys, next);

describe("recycled row keys", () => {
  it("gives new rows new slots, then keeps each staying row's slot and hands freed slots to rows that come in", () => {
    const counter = { value: 0 };
    const first = recycleKeys(new Map<number, number>(), [1, 2, 3, 4], counter);
    expect([...first.entries()]).toEqual([[1, 0], [2, 1], [3, 2], [4, 3]]);
    // 1 and 3 go out of the window, 5 and 6 come in: they take 1's and 3's slots, not new ones.
    const second = recycleKeys(first, [2, 4, 5, 6], counter);
    expect(second.get(2)).toBe(1);
    expect(second.get(4)).toBe(3);
    expect(new Set([second.get(5), second.get(6)])).toEqual(new Set([0, 2]));
    expect(counter.value).toBe(4);
  });

  it("takes new slots only when more rows are shown than before, and every key stays unique", () => {
    const counter = { value: 0 };
    const first = recycleKeys(new Map<number, number>(), [1, 2], counter);
    const second = recycleKeys(first, [3, 4, 5], counter);
    const slots = [...second.values()];
    expect(new Set(slots).size).toBe(3);
    expect(slots.filter((slot) => slot < 2)).toHaveLength(2);
    expect(counter.value).toBe(3);
  });

  it("answers the same for the same keys (a repeated or discarded render changes nothing)", () => {
    const first = assign(new Map(), [7, 8, 9]);
    const again = assign(first, [7, 8, 9]);
    expect([...again.entries()]).toEqual([...first.entries()]);
    // A row that moves (a new sort) keeps its slot wherever it goes.
    const moved = assign(first, [9, 7, 8]);
    expect(moved.get(9)).toBe(first.get(9));
    expect(moved.get(7)).toBe(first.get(7));
  });

  it("keeps one slot per key when a key is given twice", () => {
    const result = assign(new Map(), [1, 1, 2]);
    expect(result.size).toBe(2);
  });
});
