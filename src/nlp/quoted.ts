import type { Sentence, Token } from '../model/types.ts';

const OPEN = new Set(['“', '«', '„', '‹']);
const CLOSE = new Set(['”', '»', '›']);

/**
 * Marks tokens inside quotation marks (1) in one pass. Straight double quotes toggle; curly ones
 * open and close. State resets at each paragraph, so an unclosed quote cannot leak. Pronouns and
 * names inside quotes are the speaker's words, not the narrator's, so coreference treats them apart.
 */
export function quotedTokens(tokens: readonly Token[], sentences: readonly Sentence[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let para = -1;
  let inside = false;
  for (const s of sentences) {
    if (s.paragraph !== para) { para = s.paragraph; inside = false; }
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i].text;
      if (t === '"') { inside = !inside; continue; }
      if (OPEN.has(t)) { inside = true; continue; }
      if (CLOSE.has(t)) { inside = false; continue; }
      if (inside) out[i] = 1;
    }
  }
  return out;
}

export { tokenAt } from '../model/offsets.ts';
