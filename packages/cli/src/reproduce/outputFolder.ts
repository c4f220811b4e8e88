/**
 * The output folder of `reproduce`, checked before anything is computed and replaced as a
 * whole at the end. A run writes into a fresh staging folder beside the target (same
 * parent, so the final rename never crosses a file system) and swaps it in only when
 * every result has been handled: an interrupted or failed run leaves the previous folder
 * exactly as it was, never a mix of two runs (a `--quick` rerun over a full one).
 * @module
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkOutFolder, isWithin, refuseOut as refuse } from '../checkOutFolder.js';

/** Temporary files of `writeFileAtomic` a killed run of an earlier version may have left: `.<name>.<12 hex>.tmp`. */
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Checks `--out` before anything is computed and returns the folder to write, absolute
 * (symbolic links resolved). Refused, each with one sentence: what every `--out` is refused
 * (`checkOutFolder`: an empty value, the root, anything under /proc, /sys or /dev, an
 * existing path that is not a folder); the current folder or one containing it (the swap
 * would move the shell's folder away); a folder holding files `reproduce` did not write
 * (the swap replaces the whole folder: it must never take a user's files with it).
 * @param raw - the value of `--out` as typed.
 * @param resultIds - the file stems of the results (`<id>.json`, `<id>.svg`, …).
 * @throws {@link UsageError} naming `--out`.
 */
export function checkOutputFolder(raw: string, resultIds: readonly string[]): string {
  return checkOutFolder(raw, (target) => {
    if (isWithin(process.cwd(), target)) {
      refuse(raw, 'is the current folder or contains it; name a folder inside it, e.g. --out results (the run replaces the whole folder).');
    }
    if (!existsSync(target)) return;
    const ours = new RegExp(`^(?:${resultIds.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.[A-Za-z0-9]+$`);
    const foreign = readdirSync(target).filter((name) => name !== 'summary.md' && !ours.test(name) && !TEMP_FILE.test(name));
    if (foreign.length > 0) {
      const shown = foreign
        .slice(0, 3)
        .map((f) => JSON.stringify(f))
        .join(', ');
      refuse(
        raw,
        `holds files reproduce did not write (${shown}${foreign.length > 3 ? ', …' : ''}); the run replaces the whole folder, so name a new or empty folder or an earlier results folder.`,
      );
    }
  });
}

/** A staging folder beside the target: written by the run, then swapped in or discarded. */
export interface StagedFolder {
  /** Where the run writes (an empty folder). */
  readonly path: string;
  /** Replaces the target by the staging folder (the previous target is deleted). */
  commit(): void;
  /** Deletes the staging folder; the target is untouched. */
  discard(): void;
}

/** Prefix of the staging (`.<name>.reproduce-<pid>-…`) and replaced (`.<name>.replaced-<pid>-…`) folders beside `target`. */
function sideFolder(target: string, kind: 'reproduce' | 'replaced'): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${process.pid}-`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging and replaced folders that runs killed outright (SIGKILL, power loss)
 * left beside `target`; a folder of a run still alive (another `reproduce` on the same
 * target) is left alone.
 */
export function removeStaleSideFolders(target: string): void {
  const parent = dirname(target);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return; // no parent yet, or not readable: nothing of ours can be there (staging then says why it cannot write)
  }
  const pattern = new RegExp(`^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:reproduce|replaced)-(\\d+)-`);
  for (const name of names) {
    const match = pattern.exec(name);
    if (match !== null && !processAlive(Number(match[1]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Creates the staging folder beside `target` (creating the parent if needed), which also
 * proves that the parent is writable before anything is computed.
 * @param target - from {@link checkOutputFolder}.
 * @param raw - the value of `--out` as typed, for messages.
 * @throws {@link UsageError} naming `--out` when the folder cannot be created.
 */
export function stageOutputFolder(target: string, raw: string): StagedFolder {
  let path: string;
  try {
    mkdirSync(dirname(target), { recursive: true });
    path = mkdtempSync(sideFolder(target, 'reproduce'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    refuse(
      raw,
      `cannot be written: ${code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `no permission to create files in ${dirname(target)}` : error instanceof Error ? error.message : String(error)}.`,
    );
  }
  return {
    path,
    commit() {
      if (existsSync(target) && statSync(target).isDirectory()) {
        const replaced = mkdtempSync(sideFolder(target, 'replaced'));
        const old = join(replaced, 'old');
        renameSync(target, old);
        renameSync(path, target);
        rmSync(replaced, { recursive: true, force: true });
      } else {
        renameSync(path, target);
      }
    },
    discard() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
