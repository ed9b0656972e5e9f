// Decoding an HTML page's bytes. The charset is taken, in the order browsers use, from a byte-order
// mark, the HTTP Content-Type header, then a <meta charset> / http-equiv in the first bytes; with
// none, UTF-8 if the bytes are valid UTF-8, else windows-1252. A declared charset that the bytes
// contradict (declared latin-1 but valid multi-byte UTF-8, declared UTF-8 but invalid) is repaired
// and noted, because that mistake is common and decoding it literally gives mojibake.
import { InputError } from './text-input.ts';

export interface Decoded {
  html: string;
  charset: string;
  source: 'bom' | 'http' | 'meta' | 'sniffed' | 'default';
  notes: string[];
}

/** How far into the page a <meta charset> is looked for (the HTML standard's prescan reads 1024 bytes; pages overrun it). */
const PRESCAN_BYTES = 4096;

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1].toLowerCase() : null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function isUtf8Label(label: string): boolean {
  return label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8';
}

/** Decoder for a label, or null when the runtime does not know it. */
function decoderFor(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as UTF-8, or null when they are not valid UTF-8 (one pass: validation is the decode). */
function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Refuses bytes that are not a page: NUL bytes or a run of control bytes near the start. */
export function checkNotBinary(bytes: Uint8Array, what: string, utf16 = false): void {
  if (utf16) return;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) throw new InputError(`${what} looks like binary data (NUL byte at offset ${i}), not an HTML page`);
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (n >= 64 && control / n > 0.05) throw new InputError(`${what} looks like binary data (${control} control bytes in the first ${n}), not an HTML page`);
}

export function decodeHtml(bytes: Uint8Array, opts: { contentType?: string | null; what?: string } = {}): Decoded {
  const what = opts.what ?? 'the page';
  const notes: string[] = [];
  // Byte-order marks win over everything (WHATWG encoding sniffing).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { html: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', source: 'bom', notes };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const html = new TextDecoder(label).decode(bytes.subarray(2));
    if (html.includes('\u0000')) throw new InputError(`${what} looks like binary data (NUL character), not an HTML page`);
    return { html, charset: label, source: 'bom', notes };
  }
  checkNotBinary(bytes, what);
  let label = charsetFromContentType(opts.contentType);
  let source: Decoded['source'] = label ? 'http' : 'default';
  if (!label) {
    label = charsetFromMeta(bytes);
    if (label) source = 'meta';
  }
  // A declared UTF-16 in a page without a BOM that parsed as ASCII is wrong (the standard says to read it as UTF-8).
  if (label && /^utf-?16/.test(label)) {
    notes.push(`declared charset ${label} without a byte-order mark; read as UTF-8`);
    label = 'utf-8';
  }
  if (label && !decoderFor(label)) {
    notes.push(`unknown declared charset "${label}"; guessed from the bytes`);
    label = null;
    source = 'sniffed';
  }
  if (!label) {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) return { html: utf8, charset: 'utf-8', source: source === 'default' ? 'default' : source, notes };
    return { html: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252', source: 'sniffed', notes };
  }
  if (isUtf8Label(label)) {
    const utf8 = tryUtf8(bytes);
    if (utf8 === null) {
      notes.push(`declared UTF-8 (${source}) but the bytes are not valid UTF-8; read as windows-1252`);
      return { html: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252', source: 'sniffed', notes };
    }
    return { html: utf8, charset: 'utf-8', source, notes };
  }
  // A single-byte charset declared for bytes that are valid, non-ASCII UTF-8: the declaration is wrong.
  if (/^(?:iso-8859-\d+|latin-?1|windows-125\d|cp125\d|us-ascii|ascii)$/.test(label) && hasHighBytes(bytes)) {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) {
      notes.push(`declared ${label} (${source}) but the bytes are valid UTF-8; read as UTF-8`);
      return { html: utf8, charset: 'utf-8', source: 'sniffed', notes };
    }
  }
  return { html: decoderFor(label)!.decode(bytes), charset: label, source, notes };
}
