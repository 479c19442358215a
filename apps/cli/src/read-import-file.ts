import { type FileHandle, open } from 'node:fs/promises';
import { decodeFile, MAX_IMPORT_BYTES } from '@procmap/interop';
import { describeReadFailure } from './read-map-file';

/*
 * Reading a file to import (`procmap import`): its size on disk is checked before a byte is
 * read, so a file over the import limit is refused without filling memory; then it is decoded
 * in the encoding it was written in (decodeFile: a byte-order mark, an XML declaration, UTF-8,
 * else Excel's Windows-1252). What the text says is the importer's business.
 */

export type ImportFileRead =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      /** `too-large` is the import's own refusal; the rest are reading failures. */
      readonly kind: 'too-large' | 'unreadable';
      readonly message: string;
    };

const unreadable = (message: string): ImportFileRead => ({
  ok: false,
  kind: 'unreadable',
  message,
});

/** `10 MiB` for the limit, `10.4 MiB` for a size. */
export function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

const tooLarge = (size: string): ImportFileRead => ({
  ok: false,
  kind: 'too-large',
  message: `the file is ${size}; procmap imports files of up to ${mebibytes(MAX_IMPORT_BYTES)}`,
});

/** The bytes of an open file, at most the import limit and one more (a pipe has no size). */
async function readAtMost(handle: FileHandle): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= MAX_IMPORT_BYTES) {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(1 << 20), 0, 1 << 20, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks);
}

/** Reads a file to import as text, or says why not; never throws. */
export async function readImportFile(path: string): Promise<ImportFileRead> {
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      // By its size on disk first: a file over the limit is never read.
      const { size } = await handle.stat();
      if (size > MAX_IMPORT_BYTES) return tooLarge(mebibytes(size));
      // A pipe or device says size 0: read no more than the limit allows.
      bytes = await readAtMost(handle);
      if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(`over ${mebibytes(MAX_IMPORT_BYTES)}`);
    } finally {
      await handle.close();
    }
  } catch (err) {
    return unreadable(describeReadFailure(err).message);
  }
  return { ok: true, text: decodeFile(bytes).text };
}
