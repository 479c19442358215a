/*
 * UTF-8 text written straight into a growing byte buffer: a large SVG is mostly short runs of
 * markup and numbers, and writing them as bytes keeps thousands of small strings (and the
 * garbage collector's work on them) out of a big export.
 */

/** Character codes for `num`'s `after`. */
export const SPACE = 32;
export const QUOTE = 34;

const AMP = [38, 97, 109, 112, 59]; // &amp;
const LT = [38, 108, 116, 59]; // &lt;
const GT = [38, 103, 116, 59]; // &gt;
const QUOT = [38, 113, 117, 111, 116, 59]; // &quot;
const APOS = [38, 97, 112, 111, 115, 59]; // &apos;

/** Bytes of UTF-8 text with an append-only cursor. */
export class ByteWriter {
  /**
   * One writer alive as long as the class is. V8 keeps the hidden class of a class's instances
   * only while some instance is alive: after a full garbage collection with none left, the next
   * instance gets a new hidden class, and all code optimised for the old one (the whole SVG
   * writer, inlined into drawMap) is thrown away and compiled again. A long-lived process (the
   * server's export thread, the editor's export worker) collects garbage between exports, so
   * without this every export of a big map would run half unoptimised. Set once the class is
   * made (one made inside a static initialiser gets another hidden class), and on the class, so
   * no bundler drops it as unused. The painters keep one of theirs the same way.
   */
  static kept: ByteWriter | undefined;

  private buf: Uint8Array;
  private at = 0;

  constructor(capacity = 4096) {
    this.buf = new Uint8Array(capacity);
  }

  /** Makes room for `n` more bytes (the check inlines; growing is the rare call). */
  private room(n: number): void {
    if (this.at + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    let size = Math.max(64, this.buf.length * 2);
    while (size < this.at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }

  /** Markup this package wrote itself: ASCII, nothing to escape. */
  ascii(s: string): void {
    this.room(s.length);
    const { buf } = this;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /**
   * A number as short text: integers as they are, others to two decimals; NaN and ∞ as 0. Then
   * the character `after` when given (a space between coordinates, a quote after an attribute).
   */
  num(v: number, after = -1): void {
    if (v !== (v | 0) || v < -1e9) {
      this.ascii(Number.isFinite(v) ? `${Math.round(v * 100) / 100}` : '0');
      if (after >= 0) this.ascii(String.fromCharCode(after));
      return;
    }
    this.room(12);
    const { buf } = this;
    let at = this.at;
    // Integer arithmetic throughout (| 0): a double's % is a slow library call.
    let rest = v | 0;
    if (rest < 0) {
      buf[at++] = 45; // -
      rest = -rest | 0;
    }
    let digits = 1;
    for (let d = rest; d >= 10; d = (d / 10) | 0) digits++;
    at += digits;
    for (let i = 1; i <= digits; i++) {
      const q = (rest / 10) | 0;
      buf[at - i] = 48 + rest - q * 10;
      rest = q;
    }
    if (after >= 0) buf[at++] = after;
    this.at = at;
  }

  /** `prefix` (markup, ASCII), then `num(v, after)`: one call for ` y="12"`. */
  put(prefix: string, v: number, after = -1): void {
    this.ascii(prefix);
    this.num(v, after);
  }

  /**
   * Text escaped for XML content and attribute values (& < > " '), as UTF-8. A lone surrogate
   * becomes U+FFFD, as TextEncoder does.
   */
  text(s: string): void {
    this.room(s.length * 6);
    const { buf } = this;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        const entity =
          c === 38 ? AMP : c === 60 ? LT : c === 62 ? GT : c === 34 ? QUOT : c === 39 ? APOS : null;
        if (entity) for (const b of entity) buf[at++] = b;
        else buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const low = s.charCodeAt(i + 1);
          if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            i++;
            buf[at++] = 0xf0 | (c >> 18);
            buf[at++] = 0x80 | ((c >> 12) & 63);
            buf[at++] = 0x80 | ((c >> 6) & 63);
            buf[at++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 63);
        buf[at++] = 0x80 | (c & 63);
      }
    }
    this.at = at;
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }

  /** The bytes of several writers, one after another, in one array. */
  static concat(parts: readonly ByteWriter[]): Uint8Array {
    let size = 0;
    for (const part of parts) size += part.at;
    const out = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      out.set(part.bytes(), at);
      at += part.at;
    }
    return out;
  }
}

ByteWriter.kept = new ByteWriter(0);
