import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { OutputError } from './io-errors.js';

/**
 * Writes a whole file so that readers see the old content or the new, never
 * a part: into a temporary file in the same folder (a rename within one file
 * system is atomic), flushed to disk, then renamed over the target. If
 * anything fails (a full disk, the process stopped), the target is as it
 * was and the temporary file is removed. A target that is not a regular file
 * (/dev/stdout, a FIFO, /dev/full) cannot be replaced and is written in place.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  let target = path;
  let mode = 0o644;
  try {
    const found = await stat(path);
    if (!found.isFile()) return await writeInPlace(path, data);
    // A symlink stays a symlink: the file it points to is the one replaced.
    target = await realpath(path);
    mode = found.mode & 0o777;
  } catch (error) {
    if (error instanceof OutputError) throw error;
    if ((error as { code?: unknown }).code !== 'ENOENT') throw new OutputError(path, error);
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new OutputError(path, error);
  }
}

async function writeInPlace(path: string, data: string): Promise<void> {
  try {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(data, 'utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new OutputError(path, error);
  }
}
