// News outlets and agencies, written as they are usually named. Keys drop a leading "The" and
// punctuation (see nameKey), so "the AP", "AP" and "A.P." all hit the same entry.
const OUTLETS = [
  'Reuters', 'Thomson Reuters', 'The Associated Press', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse',
  'Bloomberg', 'Bloomberg News', 'UPI', 'United Press International', 'dpa', 'EFE', 'ANSA', 'Kyodo', 'Kyodo News',
  'Yonhap', 'Xinhua', 'TASS', 'RIA Novosti', 'Interfax', 'Anadolu', 'Anadolu Agency', 'Ukrinform', 'PTI', 'IANS',
  'The New York Times', 'New York Times', 'The Washington Post', 'Washington Post', 'The Wall Street Journal',
  'Wall Street Journal', 'WSJ', 'USA Today', 'Los Angeles Times', 'LA Times', 'Chicago Tribune', 'The Boston Globe',
  'Boston Globe', 'Miami Herald', 'The Dallas Morning News', 'Houston Chronicle', 'San Francisco Chronicle',
  'The Philadelphia Inquirer', 'Newsday', 'New York Post', 'New York Daily News', 'The Atlantic', 'The New Yorker',
  'Time', 'Newsweek', 'Politico', 'The Hill', 'Axios', 'Vox', 'Slate', 'Salon', 'BuzzFeed', 'BuzzFeed News',
  'HuffPost', 'Huffington Post', 'The Huffington Post', 'Breitbart', 'Breitbart News', 'The Daily Beast',
  'National Review', 'The Intercept', 'ProPublica', 'Mother Jones', 'The Guardian', 'The Observer', 'The Times',
  'The Sunday Times', 'The Telegraph', 'The Daily Telegraph', 'The Independent', 'Financial Times', 'FT',
  'The Economist', 'Daily Mail', 'The Sun', 'The Mirror', 'Evening Standard', 'The Scotsman', 'The Irish Times',
  'CNN', 'CNBC', 'MSNBC', 'Fox News', 'Fox', 'Fox Business', 'NBC', 'NBC News', 'ABC', 'ABC News', 'CBS',
  'CBS News', 'PBS', 'NPR', 'C-SPAN', 'BBC', 'BBC News', 'Sky News', 'ITV', 'Channel 4', 'Al Jazeera',
  'Al Arabiya', 'France 24', 'Deutsche Welle', 'DW', 'Euronews', 'RT', 'Sputnik', 'CBC', 'CTV', 'Global News',
  'The Globe and Mail', 'Toronto Star', 'ABC Australia', 'The Sydney Morning Herald', 'The Age', 'Haaretz',
  'The Times of Israel', 'Times of Israel', 'The Jerusalem Post', 'Jerusalem Post', 'Le Monde', 'Le Figaro',
  'Liberation', 'Der Spiegel', 'Spiegel', 'Die Zeit', 'Bild', 'Frankfurter Allgemeine Zeitung', 'El País',
  'El Mundo', 'Corriere della Sera', 'La Repubblica', 'La Stampa', 'Kommersant', 'Izvestia', 'Meduza',
  'Novaya Gazeta', 'The Kyiv Independent', 'Kyiv Independent', 'Kyiv Post', 'South China Morning Post',
  'The Japan Times', 'Asahi Shimbun', 'Nikkei', 'The Hindu', 'Times of India', 'Hindustan Times', 'Dawn',
  'The Straits Times', 'Yahoo News', 'Business Insider', 'Insider', 'Forbes', 'Fortune', 'The Verge', 'Wired',
  'TechCrunch', 'Variety', 'The Hollywood Reporter', 'Rolling Stone', 'Vanity Fair', 'Esquire', 'The Des Moines Register',
  'The Denver Post', 'The Seattle Times', 'The Arizona Republic', 'Detroit Free Press', 'The Baltimore Sun',
  'The Tampa Bay Times', 'Politifact', 'PolitiFact', 'FactCheck.org', 'Snopes', 'Associated Press-NORC',
  'Washington Examiner', 'The Washington Times', 'Washington Times', 'Daily Caller', 'The Daily Caller',
  'Newsmax', 'One America News', 'Telemundo', 'Univision', 'Voice of America', 'VOA', 'Radio Free Europe',
  'RFE/RL', 'Euractiv', 'Der Standard', 'NHK', 'KCNA', 'Yle', 'SVT', 'NOS', 'RTE', 'RAI', 'TF1',
  'Sky Sports', 'BBC Sport', 'ESPN', 'The Athletic', 'talkSPORT',
  // Beyond the US and western Europe, and British regional titles.
  'Mail & Guardian', 'News24', 'Daily Maverick', 'Sowetan', 'Business Day', 'Daily Nation', 'The East African',
  'Premium Times', 'Punch', 'Vanguard', 'The Jakarta Post', 'Bangkok Post', 'The Korea Herald', 'The Korea Times',
  'The Express Tribune', 'Gulf News', 'Arab News', 'Al-Monitor', 'Middle East Eye', 'Folha de S.Paulo', 'O Globo',
  'Clarín', 'La Nación', 'Le Devoir', 'The New Zealand Herald', 'NZ Herald', 'RNZ', 'The Australian', 'SBS',
  'Irish Independent', 'Irish Examiner', 'Daily Record', 'Manchester Evening News', 'Yorkshire Post',
  'Yorkshire Evening Post', 'Liverpool Echo', 'Birmingham Mail', 'GB News', 'LBC', 'Channel 5', 'Politico Europe',
  // Journals that publish the studies news reports on.
  'The Lancet', 'Lancet', 'Nature', 'JAMA', 'BMJ', 'NEJM', 'The New England Journal of Medicine',
  'New England Journal of Medicine', 'PNAS', 'Nature Medicine', 'Nature Communications', 'Science Advances',
  'PLOS One', 'PLoS One', 'PLOS Medicine', 'eLife', 'JAMA Network Open', 'Annals of Internal Medicine',
  'The BMJ', 'BMJ Open', 'Lancet Public Health', 'The Lancet Oncology',
];

/** Normalised lookup key for names: lower case, no dots, straight apostrophes, no leading "the". */
export function nameKey(s: string): string {
  let k = s.toLowerCase();
  // Most names need none of the rewrites below: checked in one pass (this runs per name mention).
  if (!alreadyNormal(k)) k = k.replace(/[’‘]/g, "'").replace(/\./g, '').replace(/\s+/g, ' ').trim();
  if (k.startsWith('the ')) k = k.slice(4);
  return k;
}

/** No curly apostrophe, no dot, and whitespace only as single inner spaces: the rewrites would change nothing. */
function alreadyNormal(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c === 46 || c === 0x2018 || c === 0x2019) return false;
    if (c === 32) {
      if (i === 0 || i === k.length - 1 || k.charCodeAt(i + 1) === 32) return false;
    } else if (c < 128 ? c >= 9 && c <= 13 : /\s/.test(k[i])) return false;
  }
  return true;
}

/** Outlet key → display name (the form with "The" where the outlet uses it). */
export const OUTLET_NAMES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const o of OUTLETS) {
    const k = nameKey(o);
    const prev = m.get(k);
    if (!prev || (o.startsWith('The ') && !prev.startsWith('The '))) m.set(k, o);
  }
  m.set('ap', 'AP'); // "the AP": the agency names itself without "The"
  return m;
})();

/** Words whose chunk is an outlet when they end it ("Kyiv Post", "Daily Herald"). */
export const OUTLET_HEADS: ReadonlySet<string> = new Set([
  'times', 'post', 'journal', 'herald', 'tribune', 'gazette', 'news', 'chronicle', 'telegraph', 'observer',
  'inquirer', 'courier', 'examiner', 'dispatch', 'register', 'bulletin', 'star-ledger', 'newspaper', 'radio',
  'television', 'tv',
]);
