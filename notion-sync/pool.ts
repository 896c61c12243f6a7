// Runs tasks a few at a time. The token bucket sets the pace; a few requests in flight keep the
// pace even when Notion takes longer than 1/3 s to answer. The first failure stops new tasks and
// is thrown once the running ones have settled. `stopping` ends the run early: no new task starts
// once it says so (a deadline), and the running ones finish.

export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
  stopping: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length && !stopping()) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
