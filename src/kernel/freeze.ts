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
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Indexes and `for…in` rather than Object.keys: no array made per object walked (plain data has
    // no enumerable inherited keys).
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) freezeMade(value[i]);
    else for (const key in value) freezeMade((value as Record<string, unknown>)[key]);
  }
  return value;
}
