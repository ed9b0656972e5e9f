// Organisation cues: words that make a proper-noun chunk an organisation wherever they sit in it
// ("Russian Foreign Ministry", "Human Rights Council", "Bank of America"), legal suffixes, and
// well-known organisations written as acronyms or single words.

/** Head words; lower case. A chunk containing one is an organisation. */
export const ORG_HEADS: ReadonlySet<string> = new Set(`ministry ministries department council committee commission
agency university college school institute institution foundation association federation union league party
parliament senate congress assembly court tribunal bank fund authority office bureau board service services
administration government cabinet kremlin pentagon army navy force forces corps police guard militia brigade
battalion regiment company corporation corp corp. inc inc. ltd ltd. llc plc gmbh ag sa co co. group holdings
partners industries airlines airways motors systems technologies labs laboratories pharmaceuticals energy oil
bank bancorp trust capital securities exchange center centre hospital clinic network church mission embassy
consulate secretariat directorate inspectorate coalition alliance front movement campaign caucus forum
convention conference museum command pac
organization organisation society club team initiative fc republicans democrats taliban
hamas hezbollah isis isil daesh associations federations unions councils committees commissions agencies
institutes foundations alliances coalitions`.split(/\s+/));

/** Words that head an organisation only when the chunk has more than one word ("Trust Project"). */
export const ORG_WEAK_HEADS: ReadonlySet<string> = new Set(`project programme research poll house watch international global media
semiconductor semiconductors electronics foods seafoods brands robotics software solutions logistics mining steel
chemicals insurance investments ventures studios entertainment pharma biotech therapeutics biosciences telecom
communications petroleum resources shipping aerospace automotive retail stores hotels resorts publishing
enterprises manufacturing construction dynamics instruments devices networks beauty cosmetics apparel fashion
united rovers athletic wanderers albion rangers hotspur town minerals metals mines suites inn motel lodge casino`.split(/\s+/));

/** Well-known organisations (keys as nameKey makes them). */
export const KNOWN_ORGS: ReadonlySet<string> = new Set(`un nato eu imf wto opec osce iaea icc unicef unesco unhcr
fbi cia nsa dhs doj epa fda cdc nasa irs sec fed pentagon kremlin congress senate house gop
harvard yale stanford princeton mit caltech dnc rnc aclu naacp nra
google alphabet apple microsoft amazon meta facebook twitter tesla spacex openai nvidia intel ibm samsung sony
toyota volkswagen gazprom rosneft boeing airbus exxon exxonmobil chevron bp shell walmart jpmorgan citigroup
pfizer moderna astrazeneca linkedin youtube tiktok instagram whatsapp telegram netflix disney uber wagner fsb
gru svr kgb mi5 mi6 mossad hamas hezbollah taliban isis isil al-qaida al-qaeda eurostat ecb bundestag duma
knesset gallup pew ipsos yougov quinnipiac marist monmouth rasmussen nielsen emerson siena survation opinium
savanta kantar`.split(/\s+/).concat([
  // pollsters, whose polls "show" and "find" things
  'morning consult', 'pew research center', 'ipsos mori', 'harris interactive', 'public policy polling',
  'national grid', 'network rail', 'transport for london', 'transport for wales', 'met office', 'environment agency',
  'united nations', 'european union', 'world health organization', 'world bank', 'red cross',
  'amnesty international', 'human rights watch', 'federal reserve', 'white house', 'downing street',
  'state department', 'justice department', 'supreme court', 'goldman sachs', 'morgan stanley',
  'johnson & johnson', 'al qaeda', 'european commission', 'european parliament', 'security council',
  'human rights council', 'foreign ministry', 'defense ministry', 'defence ministry', 'hillary for america',
  'trump campaign', 'clinton campaign', 'red crescent', 'world trade organization', 'international monetary fund',
]));
