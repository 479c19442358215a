/*
 * Saving text the page made as a file on the user's device: the map file when the server
 * refuses a link, a simulation's results.
 */

/** A file name's stem from a map's title: letters, digits and dashes; "map" when none are left. */
export function fileStem(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || 'map';
}

/** Offers the text as a download named `name`. */
export function downloadText(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
