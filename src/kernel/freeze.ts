/**
 * Deep-freeze a plain data object so that nobody can change it after it is made (editions, shared
 * condition results). An object that is already frozen is still walked: freezing is shallow, and what
 * it holds may not be.
 */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (value !== null && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  }
  return value;
}

/**
 * Freeze plain data made just now, all the way down, without walking what is shared: an object already
 * frozen is taken as frozen all the way down (the library's shared parts — labels, condition results,
 * citations of sealed editions — are deep-frozen when they are made). Cost: the objects made, not the
 * objects reachable.
 */
export function freezeMade<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) freezeMade((value as Record<string, unknown>)[key]);
  }
  return value;
}
