/**
 * A pure function that remembers its last few thousand answers. Plans repeat the same owners and
 * dates on many rows; the cache is cleared when full, so memory stays bounded on any plan.
 */
export function memoise<K, V>(compute: (key: K) => V, max = 4096): (key: K) => V {
  const known = new Map<K, V>();
  return (key: K): V => {
    if (known.has(key)) return known.get(key) as V;
    if (known.size >= max) known.clear();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
