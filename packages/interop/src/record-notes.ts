import { type Comment, commentId, validateMap } from '@procmap/model';
import type { ImportFormat, Imported } from './imported';

/*
 * What an import approximated, kept in the map it made: one comment on the whole map (kind
 * "note", by "Import") naming the file and listing the notes, so they outlive the review.
 * The package reads no clock: the caller gives the time.
 */

/** Who the comment is by. */
export const RECORD_AUTHOR = 'Import';

const FORMAT_LABEL: Readonly<Record<ImportFormat, string>> = {
  bpmn: 'BPMN 2.0',
  csv: 'CSV',
  drawio: 'draw.io',
};

/** The file's name without its folder. */
const baseName = (name: string) => (name.split(/[\\/]/).pop() ?? '').trim();

/** The comment's text: the file and its format, then each note, joined. */
export function recordText(
  format: ImportFormat,
  name: string | undefined,
  notes: readonly { readonly message: string }[],
): string {
  const file = name ? baseName(name) : '';
  const from = file ? `${file} (${FORMAT_LABEL[format]})` : `a ${FORMAT_LABEL[format]} file`;
  const approximated = notes.map((n) => n.message.trim().replace(/\.$/, '')).join('; ');
  return `Imported from ${from}. What was approximated: ${approximated}.`;
}

/** The import with its notes recorded in its map, when there are notes. */
export function recordNotes(
  imported: Imported,
  name: string | undefined,
  createdAt: string,
): Imported {
  if (!imported.ok || imported.notes.length === 0) return imported;
  const { map } = imported;
  const used = new Set<string>(
    [...map.roles, ...map.steps, ...map.flows, ...(map.comments ?? [])].map((x) => x.id),
  );
  let id = 'import-notes';
  for (let n = 2; used.has(id); n++) id = `import-notes-${n}`;
  const comment: Comment = {
    id: commentId(id),
    kind: 'note',
    author: RECORD_AUTHOR,
    text: recordText(imported.format, name, imported.notes),
    createdAt,
  };
  const checked = validateMap({ ...map, comments: [...(map.comments ?? []), comment] });
  return checked.ok ? { ...imported, map: checked.map } : imported;
}
