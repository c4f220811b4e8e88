/**
 * Saving a file from the page: a Blob behind a temporary `<a download>` (no server).
 * @module
 */

/**
 * Offers `content` as a download named `name`.
 * @param name - file name, e.g. `explorer-trajectories.csv`.
 * @param content - the bytes or text.
 * @param type - MIME type.
 */
export function download(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has started from the click; the URL is released once the event loop has moved on
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
