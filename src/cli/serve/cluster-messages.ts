import type { Model } from '../../index.js';
import type { ReloadOutcome } from '../model-holder.js';

/** Set in a worker's environment by the primary: this process is one of `serve`'s workers. */
export const WORKER_ENV = 'COMPLAINT_RISK_SERVE_WORKER';

/** A model as it travels between processes (plain JSON over the IPC channel). */
export interface ModelMessage {
  model: Model;
  source: string;
  loadedAt: string;
}

/** Worker -> primary. Those with a requestId expect a `reply` with the same id. */
export type WorkerMessage =
  | { type: 'cr:hello'; requestId: number }
  | { type: 'cr:reload'; requestId: number }
  | { type: 'cr:metrics'; requestId: number }
  /** The worker now scores with the model of that reload. */
  | { type: 'cr:switched'; reloadId: number }
  | { type: 'cr:listening'; port: number }
  | { type: 'cr:failed'; message: string };

/** Primary -> worker. */
export type PrimaryMessage =
  | ({ type: 'cr:reply'; requestId: number } & ({ model: ModelMessage } | { outcome: ReloadOutcome } | { text: string } | { error: string }))
  /** Sent to every worker after each reload, so all switch together (and count it); each answers cr:switched. */
  | { type: 'cr:reloaded'; reloadId: number; outcome: ReloadOutcome; model?: ModelMessage }
  | { type: 'cr:shutdown' };

const PREFIX = 'cr:';

export function isServeMessage(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith(PREFIX);
}

type Reply = Extract<PrimaryMessage, { type: 'cr:reply' }>;
type Request = Extract<WorkerMessage, { requestId: number }>['type'];

/**
 * The worker's side of the IPC channel: requests that wait for the primary's
 * reply, and the primary's broadcasts. (prom-client uses the same channel
 * for its own messages; those are left to it.)
 */
export class PrimaryChannel {
  #next = 0;
  readonly #pending = new Map<number, (reply: Reply) => void>();
  readonly #handlers = new Map<string, (message: PrimaryMessage) => void>();

  constructor() {
    if (process.send === undefined) throw new Error('not a cluster worker: no IPC channel to the primary');
    process.on('message', (message: unknown) => {
      if (!isServeMessage(message)) return;
      const m = message as PrimaryMessage;
      if (m.type === 'cr:reply') {
        this.#pending.get(m.requestId)?.(m);
        this.#pending.delete(m.requestId);
      } else this.#handlers.get(m.type)?.(m);
    });
  }

  on<T extends PrimaryMessage['type']>(type: T, handler: (message: Extract<PrimaryMessage, { type: T }>) => void): void {
    this.#handlers.set(type, handler as (message: PrimaryMessage) => void);
  }

  send(message: Extract<WorkerMessage, { type: 'cr:listening' | 'cr:failed' | 'cr:switched' }>): void {
    process.send?.(message);
  }

  ask(type: Request, timeoutMs: number): Promise<Reply> {
    const requestId = this.#next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        reject(new Error(`the primary process did not answer ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(requestId, (reply) => {
        clearTimeout(timer);
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply);
      });
      process.send?.({ type, requestId } satisfies WorkerMessage);
    });
  }
}
