// Reading plain-text input. The text is analysed exactly as given (a BOM stays, line endings stay),
// so every offset in the output indexes the user's own string; what cannot be text is refused
// with a message that names the problem rather than analysed as garbage.

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Inputs above this are refused: wink's cost is linear, but nobody's article is this long. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Byte offset of the first invalid UTF-8 sequence, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : (b & 0xe0) === 0xc0 ? 1 : (b & 0xf0) === 0xe0 ? 2 : (b & 0xf8) === 0xf0 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** Refuses text that is binary data in disguise: NUL bytes or mostly control characters. */
export function checkLooksLikeText(text: string, what: string): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new InputError(`${what} looks like binary data (NUL character at offset ${nul}), not text`);
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (sample.length >= 16 && control / sample.length > 0.1) {
    throw new InputError(`${what} looks like binary data (${control} control or replacement characters in the first ${sample.length}), not text`);
  }
}

/** Decodes bytes as strict UTF-8 text, with errors that say where and what. */
export function decodeText(bytes: Uint8Array, what: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`${what} is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(`${what} is not valid UTF-8 (first invalid byte at offset ${at}); convert it, e.g. with iconv -f latin1 -t utf-8`);
  }
  checkLooksLikeText(text, what);
  return text;
}

/** Validates a text given as a string (JSONL, API), with the same limits as a file. */
export function checkText(text: unknown, what: string): string {
  if (typeof text !== 'string') throw new InputError(`${what}: "text" must be a string, got ${text === null ? 'null' : typeof text}`);
  if (text.length > MAX_INPUT_BYTES) throw new InputError(`${what}: text is ${text.length} characters; the limit is ${MAX_INPUT_BYTES}`);
  checkLooksLikeText(text, what);
  return text;
}
