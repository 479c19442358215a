/*
 * Base64 to bytes, written out so the package needs neither node's Buffer nor the browser's
 * atob (and their binary strings): a compressed draw.io page is base64 text. Whitespace is
 * skipped, as draw.io and mail clients wrap long lines; anything else outside the alphabet
 * makes the text undecodable.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
// The URL-safe alphabet's two letters, which some tools write instead of + and /.
VALUE['-'.charCodeAt(0)] = 62;
VALUE['_'.charCodeAt(0)] = 63;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

/** The bytes `text` encodes in base64, or undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === 0x3d /* = */) {
      padding++;
      continue;
    }
    const value = c < 128 ? (VALUE[c] as number) : -1;
    if (value < 0 || padding > 0) return undefined; // a foreign letter, or data after padding
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  if (padding > 2 || bits >= 6) return undefined; // a lone sixth bit group is never valid
  return out.subarray(0, length);
}
