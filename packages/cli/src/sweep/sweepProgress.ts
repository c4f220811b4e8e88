/**
 * The progress bar of a sweep, on stderr (stdout stays clean for `--json`); drawn only
 * on a terminal (cli-progress draws nothing on a non-TTY stream).
 * @module
 */
import { SingleBar } from 'cli-progress';

/** A sweep's progress: runs finished of the total, failures, workers (queue), ETA. */
export interface SweepProgress {
  start(total: number, done: number): void;
  /** Sets the number of runs finished (and failed); `note` is shown after the ETA (e.g. the queue's workers). */
  update(done: number, failed: number, note?: string): void;
  stop(): void;
}

/** A {@link SweepProgress} drawn with cli-progress, ETA from the recent rate of finished runs. */
export function sweepProgress(): SweepProgress {
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'sweep [{bar}] {percentage}% | {value}/{total} runs | {failed} failed | eta {eta_formatted}{note}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 50,
    etaAsynchronousUpdate: true,
  });
  let running = false;
  return {
    start(total, done) {
      bar.start(total, done, { failed: 0, note: '' });
      running = true;
    },
    update(done, failed, note) {
      bar.update(done, { failed, note: note === undefined ? '' : ` | ${note}` });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
