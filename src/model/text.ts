/** Whitespace-separated words in `text`. */
export function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
