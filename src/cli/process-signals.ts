export type StopSignal = 'SIGTERM' | 'SIGINT';

export interface SignalHandlers {
  /** SIGTERM or SIGINT; `again` is true from the second one on (an impatient operator). */
  stop(signal: StopSignal, again: boolean): void;
  /** SIGHUP. Installing a handler also keeps SIGHUP from killing the process. */
  reload(): void;
}

/**
 * Routes the signals a long-running command answers to `handlers` until the
 * returned function is called (so commands run in-process leave no listeners).
 */
export function onProcessSignals(handlers: SignalHandlers): () => void {
  let stops = 0;
  const stop = (signal: StopSignal): void => handlers.stop(signal, stops++ > 0);
  const reload = (): void => handlers.reload();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', reload);
  return () => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    process.off('SIGHUP', reload);
  };
}
