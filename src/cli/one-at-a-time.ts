/** `task` wrapped so that calls run one after another, never overlapping (each still gets its own result). */
export function oneAtATime<T>(task: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
