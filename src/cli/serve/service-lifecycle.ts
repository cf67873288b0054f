import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { terminalSafe } from '../terminal-safe.js';
import type { ServeOptions } from './serve-command.js';

/** Listens as the options say; resolves to the port (the one picked, for --port 0). */
export async function listen(app: FastifyInstance, options: Pick<ServeOptions, 'host' | 'port'>): Promise<number> {
  await app.listen({ host: options.host, port: options.port });
  return (app.server.address() as AddressInfo).port;
}

/** The line scripts and tests wait for on standard output. */
export function listeningLine(host: string, port: number, workers: number, modelId: string): string {
  const shown = host.includes(':') ? `[${host}]` : host;
  return `complaint-risk serve: listening on http://${shown}:${port} (${workers} worker${workers === 1 ? '' : 's'}, model ${terminalSafe(modelId)})\n`;
}

/**
 * Stops accepting connections, closes idle keep-alive ones, and waits for the
 * requests in flight. A client still sending its body is bounded by the
 * request timeout; past that (and a margin) the remaining connections are cut.
 */
export async function closeGracefully(app: FastifyInstance, requestTimeoutMs: number): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), requestTimeoutMs + 5000);
  cut.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}
