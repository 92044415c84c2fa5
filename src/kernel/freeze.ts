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
