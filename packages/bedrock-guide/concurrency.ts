/**
 * Runs `task` over `items` with at most `limit` in flight, keeping results in input order.
 * Bedrock quotas are per minute, so a bounded pool beats firing everything at once.
 */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(
    Array.from(
      { length: Math.max(1, Math.min(limit, items.length)) },
      worker,
    ),
  );
  return results;
}
