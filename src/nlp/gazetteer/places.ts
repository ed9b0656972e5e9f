// Countries, US states, regions and large or newsworthy cities. Lower-cased; dots removed (nameKey).
const COUNTRIES = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
burkina faso burundi cambodia cameroon canada chad chile china colombia comoros congo costa rica croatia cuba
cyprus czechia czech republic denmark djibouti dominica dominican republic ecuador egypt el salvador eritrea estonia
eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana
haiti honduras hungary iceland india indonesia iran iraq ireland israel italy ivory coast jamaica japan jordan
kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands holland new zealand nicaragua
niger nigeria north korea north macedonia macedonia norway oman pakistan palau palestine panama papua new guinea
paraguay peru philippines poland portugal qatar romania russia rwanda samoa san marino saudi arabia senegal serbia
seychelles sierra leone singapore slovakia slovenia somalia south africa south korea south sudan spain sri lanka
sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey
turkmenistan tuvalu uganda ukraine united arab emirates uae united kingdom uk britain great britain england scotland
wales northern ireland united states us usa america uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia
zimbabwe gaza west bank crimea donbas donbass chechnya tibet hong kong macau kurdistan greenland puerto rico guam`;

const US_STATES = `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada new hampshire new jersey new mexico new york north carolina north dakota ohio oklahoma oregon
pennsylvania rhode island south carolina south dakota tennessee texas utah vermont virginia washington west virginia
wisconsin wyoming district of columbia dc`;

// AP-style state abbreviations ("Sen. Bernie Sanders (I-Vt.)", "Fresno, Calif."), keyed without dots.
// Those that are also words or honorifics (Ga., La., Mass., Miss., Mo., Del., Wash., Me.) are left out.
const US_STATE_ABBREVIATIONS = `ala ariz ark calif colo conn fla ill ind kan ky md mich minn mont neb nev nh nj nm ny nc nd
okla ore pa ri sc sd tenn tex vt va wis wyo wva`;

const REGIONS = `europe asia africa north america south america latin america middle east near east far east
central asia southeast asia east asia south asia balkans baltics caucasus scandinavia arctic antarctica pacific
atlantic mediterranean caribbean persian gulf gulf sahel midwest new england silicon valley wall street
west coast east coast siberia kashmir darfur sinai golan heights kurdistan donetsk luhansk kherson zaporizhzhia
mariupol bakhmut bucha irpin`;

const CITIES = `new york city london paris berlin moscow kyiv kiev kharkiv kharkov odesa odessa lviv dnipro beijing
shanghai tokyo seoul pyongyang delhi new delhi mumbai karachi islamabad lahore kabul tehran baghdad damascus beirut
jerusalem tel aviv amman cairo riyadh jeddah dubai abu dhabi doha ankara istanbul athens rome milan madrid barcelona
lisbon brussels amsterdam the hague geneva zurich bern vienna prague warsaw budapest bucharest sofia belgrade zagreb
stockholm oslo copenhagen helsinki dublin edinburgh minsk vilnius riga tallinn tbilisi yerevan baku tashkent astana
almaty bangkok hanoi jakarta manila singapore kuala lumpur sydney melbourne canberra auckland wellington toronto
montreal vancouver ottawa mexico city havana caracas bogota lima santiago buenos aires sao paulo rio de janeiro
brasilia nairobi lagos abuja johannesburg cape town addis ababa khartoum tripoli tunis algiers rabat casablanca
washington los angeles chicago houston phoenix philadelphia san antonio san diego dallas san jose austin
jacksonville san francisco columbus seattle denver boston detroit nashville memphis portland las vegas louisville
baltimore milwaukee albuquerque tucson fresno sacramento atlanta miami orlando tampa cleveland pittsburgh cincinnati
st louis kansas city minneapolis new orleans charlotte raleigh richmond des moines manchester concord
charleston columbia salt lake city honolulu anchorage brooklyn manhattan queens bronx harlem hollywood
mar-a-lago munich frankfurt hamburg cologne lyon marseille nice naples venice florence kraków krakow gdansk
strasbourg luxembourg davos kinshasa mogadishu sanaa aden mosul aleppo raqqa idlib homs kandahar gaza city rafah
hebron ramallah haifa taipei hong kong mecca medina sochi st petersburg saint petersburg vladivostok belgorod
sevastopol mykolaiv chernihiv sumy poltava chupakhivka`;

function words(block: string): string[] {
  return block.split(/\s+/).filter(Boolean);
}

/** Multi-word entries, written with single spaces; split() above would break them, so list them here. */
const MULTI = `burkina faso|costa rica|czech republic|dominican republic|el salvador|ivory coast|new zealand|north korea|
north macedonia|papua new guinea|san marino|saudi arabia|sierra leone|south africa|south korea|south sudan|sri lanka|
united arab emirates|united kingdom|great britain|northern ireland|united states|west bank|hong kong|puerto rico|
new hampshire|new jersey|new mexico|new york|north carolina|north dakota|rhode island|south carolina|south dakota|
west virginia|district of columbia|north america|south america|latin america|middle east|near east|far east|
central asia|southeast asia|east asia|south asia|persian gulf|new england|silicon valley|wall street|west coast|
east coast|golan heights|new york city|new delhi|tel aviv|abu dhabi|the hague|kuala lumpur|mexico city|buenos aires|
sao paulo|rio de janeiro|cape town|addis ababa|los angeles|san antonio|san diego|san jose|san francisco|las vegas|
st louis|kansas city|new orleans|des moines|salt lake city|gaza city|st petersburg|saint petersburg|united states of america`;

const MULTI_LIST = MULTI.split('|').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
// Words of multi-word entries ("new", "south", "york") are not places on their own, unless listed here.
const STANDALONE = new Set(['georgia', 'washington', 'guinea', 'sudan', 'africa', 'america', 'ireland', 'britain',
  'kansas', 'virginia', 'mexico', 'england', 'asia', 'macedonia', 'columbia', 'gaza', 'luxembourg', 'singapore']);
const PARTS = new Set(MULTI_LIST.flatMap((m) => m.split(' ')));

export const PLACES: ReadonlySet<string> = new Set([
  ...[COUNTRIES, US_STATES, US_STATE_ABBREVIATIONS, REGIONS, CITIES].flatMap(words).filter((w) => !PARTS.has(w) || STANDALONE.has(w)),
  ...MULTI_LIST,
]);

/** Every word of every place name ("dakota", "york"), for names of peoples made from them. */
export const PLACE_WORDS: ReadonlySet<string> = new Set([COUNTRIES, US_STATES, REGIONS, CITIES].flatMap(words));

/** Nationality adjectives: a chunk made only of these is not a mention ("a Russian diplomat"). */
export const DEMONYMS: ReadonlySet<string> = new Set(`american british english scottish welsh irish french german
italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish icelandic polish czech
slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian georgian armenian azerbaijani
kazakh uzbek chinese japanese korean vietnamese thai indonesian malaysian filipino indian pakistani afghan
bangladeshi iranian iraqi syrian lebanese israeli palestinian jordanian saudi egyptian libyan tunisian algerian
moroccan nigerian kenyan ethiopian somali sudanese south african canadian mexican cuban venezuelan colombian
brazilian argentine argentinian chilean peruvian australian european asian african arab western eastern
northern southern soviet nato-led muslim christian jewish catholic protestant sunni shiite shia kurdish
republican democratic democrat conservative liberal communist socialist serbian croatian bosnian albanian
lithuanian latvian estonian moldovan chechen crimean taiwanese tibetan uighur uyghur qatari emirati yemeni
philippine nepalese nepali singaporean omani kuwaiti bahraini ghanaian senegalese zimbabwean ugandan
tanzanian rwandan congolese cameroonian burmese cambodian mongolian slovenian cypriot maltese
north korean south korean`.split(/\s+/));

/** Plurals naming peoples and faiths beyond DEMONYMS' plurals ("Jews", "Hispanics"): groups, not people. */
export const PEOPLE_PLURALS: ReadonlySet<string> = new Set(`jews hispanics latinos latinas evangelicals independents
progressives libertarians mormons hindus sikhs buddhists dems`.split(/\s+/));

/** Last words that make a multi-word name a place ("Elm Street", "Aberdeen Airport", "Jordan River"). */
export const PLACE_LAST_WORDS: ReadonlySet<string> = new Set(`street road avenue lane boulevard square airport river
highway motorway isles islands highlands mountains peninsula sea ocean bay coast desert valley canal strait glacier
harbour harbor plains county province district region oblast prefecture governorate municipality township borough
parish state stadium arena park island hill tower belt bridge square ground`.split(/\s+/));

/** First words that make a multi-word name a place ("River Tamar", "Lake Geneva", "Isle of Lewis"). */
export const PLACE_FIRST_WORDS: ReadonlySet<string> = new Set(`river lake mount mt mt. isle gulf strait`.split(/\s+/));
