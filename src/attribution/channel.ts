import { nameKey, OUTLET_NAMES } from '../nlp/gazetteer/outlets.ts';
import type { TextSpan } from '../model/types.ts';

/**
 * Channel: the outlet or medium the words came through, as a span of the text. The span is the
 * outlet's or medium's noun phrase, not the whole phrase: "told Reuters" → "Reuters", "in an
 * interview with The Washington Post" → "The Washington Post", "in a statement" → "a statement",
 * "in a letter to 40 diplomats" → "a letter to 40 diplomats" (the addressees say which letter).
 * Read from the attribution's clause only (the caller passes a window outside the quote), so the
 * regular expressions below run on a few dozen characters per quote.
 */

// A proper-name phrase: capitalised words, allowing "of", "and", "&", a possessive and a quoted show title.
// Dots only inside a word ("U.S"), so a sentence's full stop never joins the name; days and
// months never start a name word ("told Reuters on Friday").
const WORD = String.raw`(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b)[A-Z\u00C0-\u00DE](?:[\w&'’\u00C0-\u024F-]|\.(?=\w))*`; // accented letters too: "Le Progrès", "Élysée"
const NAME = String.raw`(?:[Tt]he\s+)?${WORD}(?:(?:\s+(?:of|and|&|the))*\s+${WORD})*(?:\s+[“"][^”"]{1,40}[”"])?`;

const MEDIUM = [
  'interview', 'interviews', 'statement', 'statements', 'letter', 'open letter', 'post', 'posts', 'tweet', 'tweets',
  'text', 'email', 'e-mail', 'op-ed', 'oped', 'speech', 'address', 'blog post', 'blog', 'video', 'memo', 'message',
  'press release', 'release', 'column', 'essay', 'book', 'memoir', 'article', 'podcast', 'broadcast', 'note',
  'report', 'filing', 'documentary', 'appearance', 'editorial', 'commentary', 'remarks', 'testimony', 'affidavit',
  'court filing', 'lawsuit', 'complaint', 'petition', 'newsletter', 'transcript', 'recording', 'livestream',
  'broadcast', 'sermon', 'eulogy', 'toast', 'op-ed piece', 'piece', 'thread', 'story', 'dispatch', 'cable',
].sort((a, b) => b.length - a.length).map((m) => m.replace(/[-]/g, '\\-')).join('|');

const VENUE = [
  'news conference', 'press conference', 'press briefing', 'briefing', 'rally', 'hearing', 'town hall',
  'town-hall meeting', 'summit', 'meeting', 'debate', 'forum', 'conference', 'ceremony', 'event', 'gathering',
  'campaign stop', 'fundraiser', 'luncheon', 'dinner', 'session', 'news briefing', 'press event', 'convention',
].sort((a, b) => b.length - a.length).join('|');

const PLATFORMS = ['Twitter', 'Facebook', 'X', 'Instagram', 'TikTok', 'LinkedIn', 'Truth Social', 'Telegram',
  'YouTube', 'Threads', 'Bluesky', 'Weibo', 'WeChat', 'Reddit', 'Substack', 'Medium', 'Snapchat', 'VKontakte',
  'Mastodon', 'Gab', 'Parler', 'Rumble'];

const OUTLETS = new Set(['reuters', 'ap', 'afp', 'cnn', 'bbc', 'nbc', 'abc', 'cbs', 'fox', 'msnbc', 'npr', 'pbs',
  'bloomberg', 'politico', 'axios', 'cnbc', 'tass', 'ria', 'interfax', 'xinhua', 'dpa', 'efe', 'ansa', 'upi',
  'breitbart', 'buzzfeed', 'huffpost', 'vox', 'slate', 'salon', 'newsmax', 'oan', 'c-span', 'al jazeera',
  'the associated press', 'associated press', 'the ap', 'sky', 'itv', 'rte', 'cbc', 'abc news', 'ria novosti']);
const OUTLET_WORD = /\b(?:News|Times|Post|Journal|Press|Radio|TV|Television|Magazine|Herald|Tribune|Gazette|Telegraph|Daily|Weekly|Network|Channel|Agency|Insider|Today|Wire|Media|Broadcasting|Report|Review|Atlantic|Guardian|Observer|Independent|Economist|Monitor|Examiner|Chronicle|Sun|Star|Mail|Express|Mirror|Standard|Globe|Bulletin|Courier|Dispatch|Inquirer|Register|Recorder|Sentinel|Beacon|Hill|Politico|Vanity Fair|New Yorker|Spectator|Nation|Intercept|Show)\b/;

/** Whether a capitalised name is an outlet, a platform or looks like one ("Kyiv Post", "KTVU"). */
export function isOutlet(name: string): boolean {
  const bare = name.replace(/(?:’s|'s)(?:\s+[“"][^”"]*[”"])?$/, '');
  if (OUTLETS.has(bare.toLowerCase()) || OUTLETS.has(bare.toLowerCase().replace(/^the\s+/, ''))) return true;
  if (OUTLET_NAMES.has(nameKey(bare))) return true;
  if (PLATFORMS.includes(bare)) return true;
  return OUTLET_WORD.test(bare) || /^[A-Z]{2,5}(?:’s|'s)?\b/.test(name) && !/^(?:I|US|U\.S\.|UN|EU|UK)$/.test(bare);
}

// Written as four passes; each returns the first match in the window.
// "the newspaper Le Progrès", "the broadcaster RTL": a medium noun naming an outlet the gazetteer lacks
const MEDIUM_NOUN = String.raw`the\s+(?:newspaper|daily|weekly|magazine|broadcaster|channel|station|agency|website|radio\s+station|news\s+agency)`;
const MEDIUM_BEFORE = new RegExp(String.raw`${MEDIUM_NOUN}\s+$`);
const MEDIUM_LEAD = new RegExp(String.raw`^${MEDIUM_NOUN}\s+(?=[A-Z\u00C0-\u00DE])`);
const TELL_RE = new RegExp(String.raw`\b(?:told|tells|tell|telling|confessed\s+to|confided\s+to|said\s+to|explained\s+to|admitted\s+to|spoke\s+to|[Ss]peaking\s+to|spoke\s+with|[Ss]peaking\s+with|[Tt]alking\s+to|talked\s+to|[Tt]alking\s+with|talked\s+with|wrote\s+to|[Ww]riting\s+to|remarks\s+to|declared\s+to|indicated\s+to|affirmed\s+to|stated\s+to|specified\s+to)\s+(?:${MEDIUM_NOUN}\s+)?(${NAME}(?:\s+(?:programme|program|show|podcast))?|reporters|journalists|the\s+press|the\s+media|an?\s+(?:[\w-]+\s+)?(?:reporter|journalist|interviewer|correspondent)|(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:${VENUE}))`, 'gd');
const MEDIUM_RE = new RegExp(String.raw`\b(?:[Ii]n|[Vv]ia|[Tt]hrough|[Dd]uring)\s+((?:an?|his|her|their|its|the|this|that|one|a\s+new|a\s+recent)\s+(?:[\w-]+\s+){0,2}?(?:${MEDIUM}))\b(?:\s+(with|on|to|for|in)\s+((?:${MEDIUM_NOUN}\s+)?${NAME}|(?:(?!that\b)[\w-]+\s+){0,3}?(?:diplomats|colleagues|staff|employees|members|supporters|lawmakers|officials|shareholders|investors|clients|customers|readers|subscribers|followers|voters|parents|students|parliament|congress|the\s+[\w-]+)))?`, 'gd');
const ON_RE = new RegExp(String.raw`\b(?:[Oo]n|[Vv]ia)\s+((?:${PLATFORMS.join('|')})\b|(?:his|her|their|its|the|a)\s+(?:[\w-]+\s+){0,2}?(?:profile|account|page|feed|blog|website|site|show|program|programme|channel|podcast|timeline|handle|livestream|call(?!-)|conference\s+call|webinar)\b|${NAME})`, 'gd');
const AT_RE = new RegExp(String.raw`\b[Aa]t\s+((?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:${VENUE}))\b`, 'gd');
const WROTE_RE = new RegExp(String.raw`\b(?:wrote|writes|writing|written|published)\s+(?:in|for|on)\s+(${NAME})`, 'gd');
// "wrote Anne Applebaum in The Atlantic": an outlet named with "in", anywhere in the clause.
// "a study published in the journal Nature Medicine", "in the medical journal The Lancet"
const JOURNAL_RE = new RegExp(String.raw`\b[Ii]n\s+the\s+(?:[\w-]+\s+)?journal\s+(${NAME})`, 'gd');
const IN_OUTLET_RE = new RegExp(String.raw`\b(?:in|for)\s+(${NAME})`, 'gd');

const MEDIUM_TAIL = /^\s+(?:address|message|interview|statement|post|call|conference|briefing|appearance|link|feed|clip)\b/;

interface Hit {
  start: number;
  end: number;
}

function firstHit(re: RegExp, s: string, pick: (m: RegExpExecArray) => Hit | null): Hit | null {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const h = pick(m);
    if (h) return h;
  }
  return null;
}

function groupSpan(m: RegExpExecArray, g: number): Hit {
  const [a] = m.indices![g]!;
  // A lower-case article is not part of an outlet's name: "told the AP" → "AP" (but "The Atlantic").
  const lead = /^the\s+(?=[A-Z])/.exec(m[g]);
  return lead ? trim(m[g].slice(lead[0].length), a + lead[0].length) : trim(m[g], a);
}

function trim(s: string, off: number): Hit {
  let a = 0;
  let b = s.length;
  while (b > a && /[\s,.;:]/.test(s[b - 1]) && !/[A-Z]\.$/.test(s.slice(0, b))) b--;
  while (a < b && /\s/.test(s[a])) a++;
  return { start: off + a, end: off + b };
}

/**
 * The channel in `text[start, end)`, or null. The window should be the attribution's own clause
 * (cue and speaker side), never the quoted words.
 */
export function findChannel(text: string, start: number, end: number): TextSpan | null {
  if (end <= start) return null;
  const s = text.slice(start, end);
  const hits: Hit[] = [];
  const tell = firstHit(TELL_RE, s, (m) => {
    const g = m[1];
    // "told the newspaper Le Progrès": the medium word vouches for an outlet the gazetteer lacks
    if (/^[A-Z]/.test(g) && !isOutlet(g) && !MEDIUM_BEFORE.test(s.slice(m.index, m.indices![1]![0]))) return null;
    return groupSpan(m, 1);
  });
  if (tell) hits.push(tell);
  const med = firstHit(MEDIUM_RE, s, (m) => {
    const prep = m[2];
    const obj = m[3];
    if (prep && obj) {
      if (/^[A-Z]/.test(obj) && isOutlet(obj)) return groupSpan(m, 3);
      // "a commentary to the agency Interfax-Ukraine": the medium noun vouches for the outlet
      const named = MEDIUM_LEAD.exec(obj);
      if (named) return trim(obj.slice(named[0].length), m.indices![3]![0] + named[0].length);
      // Addressees belong to the medium's phrase: "a letter to 40 diplomats".
      if (prep === 'to' && !/^[A-Z]/.test(obj)) {
        const from = m.indices![1]![0];
        return trim(s.slice(from, m.index + m[0].length), from);
      }
    }
    // "his nightly video address", "a radio interview": the medium word may modify the real head.
    const g = groupSpan(m, 1);
    const more = MEDIUM_TAIL.exec(s.slice(g.end));
    return more ? { start: g.start, end: g.end + more[0].length } : g;
  });
  if (med) hits.push(med);
  const on = firstHit(ON_RE, s, (m) => {
    const g = m[1];
    if (/^[A-Z]/.test(g) && !PLATFORMS.includes(g) && !isOutlet(g)) return null;
    return groupSpan(m, 1);
  });
  if (on) hits.push(on);
  const at = firstHit(AT_RE, s, (m) => groupSpan(m, 1));
  if (at) hits.push(at);
  const wrote = firstHit(WROTE_RE, s, (m) => groupSpan(m, 1));
  if (wrote) hits.push(wrote);
  const inOutlet = firstHit(IN_OUTLET_RE, s, (m) => {
    const g = m[1];
    const known = OUTLETS.has(g.toLowerCase()) || OUTLETS.has(g.toLowerCase().replace(/^the\s+/, ''));
    return known || (/^The\s/.test(g) && isOutlet(g)) ? groupSpan(m, 1) : null;
  });
  if (inOutlet) hits.push(inOutlet);
  const journal = firstHit(JOURNAL_RE, s, (m) => groupSpan(m, 1));
  if (journal) hits.push(journal);
  if (hits.length === 0) return null;
  // The outlet named closest to the start of the clause wins; ties go to the pass order above.
  let best = hits[0];
  for (const h of hits) if (h.start < best.start) best = h;
  return { start: start + best.start, end: start + best.end, text: text.slice(start + best.start, start + best.end) };
}
