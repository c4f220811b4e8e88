/**
 * The progress bar of `reproduce`, drawn with cli-progress on stderr (so stdout
 * stays clean for `--json`). On a non-terminal stderr nothing is drawn.
 * @module
 */
import { SingleBar } from 'cli-progress';
import type { RunProgress } from '@jepa-dynamics/experiments';

/** A `RunProgress` (@jepa-dynamics/experiments) that draws a bar on stderr. */
export function progressBar(): RunProgress {
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'reproduce [{bar}] {percentage}% | {value}/{total} | {label}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 20,
  });
  let running = false;
  return {
    start(total) {
      bar.start(total, 0, { label: 'starting' });
      running = true;
    },
    advance(label) {
      bar.increment(1, { label });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
