import { Inflate } from 'fflate';
import { MAX_IMPORT_BYTES } from '../imported';
import { decodeBase64 } from './base64';

/*
 * A compressed draw.io page: base64 of raw-deflated, URI-encoded XML, as draw.io saves by
 * default. Inflating is where a small file can become a huge one (a "zip bomb": 10 MB of
 * deflate inflates to 10 GB), so the data is fed in slices and inflating stops as soon as the
 * output passes the import limit: at most one slice's worth (about a megabyte) is ever made
 * beyond it.
 */

/** Bytes fed to the inflater at a time; deflate expands at most ~1,032 times. */
const SLICE = 1024;

declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

export type PageText =
  | { readonly ok: true; readonly xml: string }
  | { readonly ok: false; readonly reason: 'not-base64' | 'corrupt' | 'too-large' | 'not-xml' };

/**
 * Inflates raw deflate data, giving up once the output passes `limit` bytes. `made`, if given,
 * hears the bytes made so far after each slice (tests see where inflating stopped).
 */
export function inflateCapped(
  data: Uint8Array,
  limit = MAX_IMPORT_BYTES,
  made?: (bytes: number) => void,
): Uint8Array | 'too-large' | 'corrupt' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += SLICE) {
      const end = Math.min(at + SLICE, data.length);
      inflater.push(data.subarray(at, end), end >= data.length);
      made?.(total);
      if (total > limit) return 'too-large';
    }
  } catch {
    return 'corrupt';
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The XML of a compressed page's text (the content of a `<diagram>` element). */
export function inflatePage(text: string, limit = MAX_IMPORT_BYTES): PageText {
  const data = decodeBase64(text);
  if (!data || data.length === 0) return { ok: false, reason: 'not-base64' };
  const inflated = inflateCapped(data, limit);
  if (typeof inflated === 'string') return { ok: false, reason: inflated };
  const raw = new TextDecoder().decode(inflated);
  // draw.io URI-encodes the XML before deflating it; very old files did not.
  if (raw.trimStart().startsWith('<')) return { ok: true, xml: raw };
  try {
    const xml = decodeURIComponent(raw);
    return xml.trimStart().startsWith('<') ? { ok: true, xml } : { ok: false, reason: 'not-xml' };
  } catch {
    return { ok: false, reason: 'not-xml' };
  }
}
