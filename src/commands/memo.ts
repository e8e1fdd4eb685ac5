/**
 * What is worked out once per distinct command block: runbooks repeat the same commands from page to
 * page (`kubectl get pods -n <namespace>`), and a block's analysis, colours and HTML depend only on its
 * text, its language and the kubectl model. Bounded, so a site of distinct blocks holds at most
 * `limit` of them (the oldest go first) instead of growing with the site.
 */
export class BoundedMemo<K, V> {
  readonly #entries = new Map<K, V>();
  readonly limit: number;
  // A plain field, not a parameter property: the content pass's workers load this file with Node's
  // own type stripping, which has no parameter properties.
  constructor(limit: number) {
    this.limit = limit;
  }

  get(key: K, make: () => V): V {
    const kept = this.#entries.get(key);
    if (kept !== undefined) return kept;
    const value = make();
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value as K);
    this.#entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The memo that belongs to `owner` (a kubectl model, a command reader): made on first use. */
export function memoOf<O extends object, K, V>(
  memos: WeakMap<O, BoundedMemo<K, V>>,
  owner: O,
  limit = 4000,
): BoundedMemo<K, V> {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new BoundedMemo<K, V>(limit)));
  return memo;
}
