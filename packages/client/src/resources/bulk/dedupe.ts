/** A list without repeats, and the way back to the original list. */
export interface Deduped<T> {
  /** Each distinct value once, in order of first appearance. */
  readonly unique: readonly T[];
  /** `firstIndex[slot]`: the input index where `unique[slot]` first appears. */
  readonly firstIndex: readonly number[];
  /** `slotOf[index]`: the slot in `unique` of the input's value at `index`. */
  readonly slotOf: readonly number[];
}

/** Drops repeats (compared with `SameValueZero`, so non-strings from untyped code are kept apart). */
export function dedupe<T>(input: readonly T[]): Deduped<T> {
  const unique: T[] = [];
  const firstIndex: number[] = [];
  const slotOf = new Array<number>(input.length);
  const slotByValue = new Map<T, number>();
  for (let index = 0; index < input.length; index++) {
    const value = input[index] as T;
    let slot = slotByValue.get(value);
    if (slot === undefined) {
      slot = unique.length;
      slotByValue.set(value, slot);
      unique.push(value);
      firstIndex.push(index);
    }
    slotOf[index] = slot;
  }
  return { unique, firstIndex, slotOf };
}

/** One entry per input index: the first occurrence gets its slot's value, a repeat `asDuplicate` of it. */
export function restore<R>(deduped: Deduped<unknown>, perSlot: readonly R[], asDuplicate: (value: R) => R): R[] {
  return deduped.slotOf.map((slot, index) => {
    const value = perSlot[slot] as R;
    return deduped.firstIndex[slot] === index ? value : asDuplicate(value);
  });
}
