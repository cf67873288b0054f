import type { CliIO } from './command.js';
import { writeMessage } from './write-output.js';
import type { ReloadOutcome } from './model-holder.js';
import { terminalSafe } from './terminal-safe.js';

/** Lines for the operator of a long-running command, on standard error; anything from a model or input is escaped first. */
export interface ServiceLog {
  info(message: string): void;
  error(message: string): void;
  reload(outcome: ReloadOutcome): void;
}

export function serviceLog(io: CliIO, who: string): ServiceLog {
  const write = (message: string): void => writeMessage(io.stderr, `${who}: ${terminalSafe(message)}\n`);
  return {
    info: write,
    error: write,
    reload(outcome) {
      if (outcome.ok) write(`model reloaded from ${outcome.source}: now ${outcome.modelId} (was ${outcome.previousModelId})`);
      else write(`model reload failed; still using ${outcome.modelId}: ${outcome.error.message}`);
    },
  };
}
