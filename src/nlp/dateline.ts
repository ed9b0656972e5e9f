// The dateline that opens a wire story's first paragraph: "MARSEILLE, France —",
// "WASHINGTON (AP) —", "LONDON (Reuters) -", "Kyiv, Ukraine, June 3 (Reuters) -", "JOHANNESBURG, March 3, 2025 (AP) —", and the Indian wire style with no dash, "MUMBAI, Nov 24 (PTI) Farmers …". Read by the
// text metadata (where the story was filed) and by attribution, where the dateline is not the
// subject of the sentence it opens.

export const AGENCY = String.raw`(?:AP|Reuters|AFP|dpa|UPI|Bloomberg|CNN|ANSA|EFE|Xinhua|PA|AAP|CP|Kyodo|Yonhap|TASS|RIA|IANS|PTI|ANI|Sputnik|CNS|KNA|NTB|TT|Belga|APA|SDA|ATS|BBC|NPR|AP Photo)`;
const DATELINE = new RegExp(String.raw`^((?:\p{Lu}[\p{Lu}\p{Ll}.'’-]*)(?:[ -]\p{Lu}[\p{Lu}\p{Ll}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}){0,2})(?:,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})(?:,\s*(?:19|20)\d\d)?)?\s*(\(${AGENCY}\))?\s*(?:(?:—|–|--|-)\s|(?<=\)\s?)(?=\p{Lu}))`, 'u');

export interface Dateline {
  /** "MARSEILLE, France" */
  place: string;
  /** "(AP)", when the dateline names an agency. */
  agency: string | null;
  /** Length of the dateline with its dash and the space after it. */
  length: number;
}

/**
 * The dateline at the start of `line`, or null. A capitalised phrase before a dash counts only
 * in capitals, with an agency or with a comma ("Kyiv, Ukraine —"), and with the paragraph going
 * on after it: "Heavy rain — and more" is not a dateline.
 */
export function readDateline(line: string): Dateline | null {
  const d = DATELINE.exec(line);
  if (!d || line.length <= d[0].length + 20 || !/\p{Lu}{2}|\(|,/u.test(d[0])) return null;
  return { place: d[1].trim(), agency: d[2] ?? null, length: d[0].length };
}

// A live blog's time stamp opening a paragraph: "14:05 — ", "2.30pm - ", "09:15 BST – ".
const STAMP = /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?(?:—|–|--|-)\s/i;

/**
 * How many characters at the start of `line` are its dateline or live-blog time stamp (0 if none):
 * neither is part of what a source said.
 */
export function leadLength(line: string): number {
  const stamp = STAMP.exec(line);
  if (stamp) return stamp[0].length;
  return readDateline(line)?.length ?? 0;
}
