/**
 * A pure function that remembers its last few thousand answers. Plans repeat the same owners and
 * dates on many rows; the cache is cleared when full, so memory stays bounded on any plan.
 */
export function memoise<K, V>(compute: (key: K) => V, max = 4096): (key: K) => V {
  const known = new Map<K, V>();
  return (key: K): V => {
    let value = known.get(key); // one lookup for a known key (has, then get, was two per row and text)
    if (value === undefined && !known.has(key)) {
      if (known.size >= max) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value as V;
  };
}
