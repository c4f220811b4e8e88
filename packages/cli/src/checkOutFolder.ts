/**
 * The checks every `--out` folder gets before anything is computed (`reproduce`, `sweep`).
 * @module
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';

/**
 * Folders of the operating system's pseudo file systems: nothing belongs there, and Node
 * 20's recursive `mkdirSync` spins forever under /proc.
 */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** A `UsageError` naming `--out` as typed, with why it is refused. */
export function refuseOut(raw: string, why: string): never {
  throw new UsageError(`--out ${JSON.stringify(raw)} ${why}`);
}

/** Whether `path` is `folder` or lies inside it. */
export function isWithin(path: string, folder: string): boolean {
  const r = relative(folder, path);
  return r !== '..' && !r.startsWith(`..${sep}`) && !r.startsWith(sep);
}

/** `path` with the symbolic links of its deepest existing ancestor resolved (the rest does not exist yet). */
function resolveExisting(path: string): string {
  let ancestor = path;
  while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  return join(realpathSync(ancestor), relative(ancestor, path));
}

/**
 * Checks the value of `--out` and returns the folder, absolute (symbolic links resolved).
 * Refused, each with one sentence naming `--out`: an empty value; anything under /proc,
 * /sys or /dev; the root folder; an existing path that is not a folder; a path that cannot
 * be examined (a folder on the way that cannot be read, a loop of symbolic links).
 * @param raw - the value of `--out` as typed.
 * @param check - further checks of the caller on the absolute folder (may throw `UsageError`).
 * @returns the folder (it may not exist yet).
 * @throws {@link UsageError} naming `--out`.
 */
export function checkOutFolder(raw: string, check?: (target: string) => void): string {
  if (raw.trim() === '') refuseOut(raw, 'must name a folder, e.g. --out results.');
  try {
    const absolute = resolve(raw);
    const target = resolveExisting(absolute);
    for (const system of SYSTEM_FOLDERS) {
      if (isWithin(absolute, system) || isWithin(target, system))
        refuseOut(raw, `is under ${system}, a folder of the operating system; name a folder of your own.`);
    }
    if (dirname(target) === target) refuseOut(raw, 'is the root folder; name a folder of your own, e.g. --out results.');
    if (existsSync(target) && !lstatSync(target).isDirectory()) refuseOut(raw, 'exists and is not a folder.');
    check?.(target);
    return target;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // a folder on the way that cannot be read (EACCES), a loop of symbolic links (ELOOP), …
    refuseOut(raw, `cannot be used: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
