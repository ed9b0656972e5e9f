// Titles, honorifics and role nouns. All lower case.
import type { Gender } from '../../model/types.ts';

/** Honorifics before a name, with the gender they state (Dr/Prof state none). */
export const HONORIFICS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['mr', 'male'], ['mr.', 'male'], ['mister', 'male'], ['sir', 'male'], ['lord', 'male'], ['monsieur', 'male'], ['herr', 'male'],
  ['mrs', 'female'], ['mrs.', 'female'], ['ms', 'female'], ['ms.', 'female'], ['miss', 'female'], ['madam', 'female'],
  ['madame', 'female'], ['dame', 'female'], ['lady', 'female'], ['mme', 'female'], ['frau', 'female'],
  ['dr', 'unknown'], ['dr.', 'unknown'], ['prof', 'unknown'], ['prof.', 'unknown'], ['professor', 'unknown'],
  // Commonwealth parliamentary styles: "Hon. Funke Adedoyin", "the Rt Hon. Keir Starmer"
  ['hon', 'unknown'], ['hon.', 'unknown'], ['rt', 'unknown'], ['rt.', 'unknown'],
]);

/**
 * Words of titles written before a name ("Prosecutor General Irina Venediktova", "Sen. Ted Cruz",
 * "Foreign Minister Sergei Lavrov"): stripped from the name and kept as a nominal mention.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set(`president vice prime minister secretary general prosecutor
attorney senator sen sen. sens sens. rep rep. reps reps. representative congressman congresswoman gov gov. governor lt lt. lieutenant
mayor judge justice chief chancellor ambassador director chairman chairwoman chair ceo cfo coo executive
commissioner spokesman spokeswoman spokesperson deputy foreign defense defence interior finance health state
speaker leader majority minority whip king queen prince princess pope cardinal bishop archbishop rabbi imam
sheikh emir sultan ayatollah col col. colonel gen gen. major maj maj. capt capt. captain sgt sgt. sergeant adm
adm. admiral commander officer detective sheriff inspector agent coach manager founder co-founder chairperson
economist professor prof prof. dr dr. doctor pastor reverend rev rev. father sister brother president-elect
first lady gentleman uncle presidential candidate nominee hopeful frontrunner front-runner former acting
incumbent then-president then-candidate house senate u.s. us white press national security homeland
education energy labor labour trade agriculture transportation treasury veterans affairs environment
justice economy culture sports social media chief-of-staff staff adviser advisor aide counsel envoy
special councillor councilor councilman councilwoman alderman alderwoman assemblyman assemblywoman
assemblymember superintendent provost dean cllr cllr. det det. insp insp. supt supt. constable dci dsi cmdr cmdr. hon hon. rt rt.`.split(/\s+/));

/** Singular nouns naming a person by role; with gender where the noun states one. */
export const PERSON_ROLES: ReadonlyMap<string, Gender> = (() => {
  const m = new Map<string, Gender>();
  for (const w of `adviser advisor aide spokesperson official minister prosecutor lawyer attorney judge president
    senator governor mayor diplomat ambassador director chair ceo executive founder analyst expert economist professor
    researcher scientist doctor physician nurse officer commander general soldier candidate leader secretary chief
    member representative lawmaker legislator politician activist witness resident victim source manager owner
    employee worker teacher student author writer journalist reporter editor correspondent strategist consultant
    pollster operative donor voter supporter critic opponent nominee chancellor premier pope bishop priest rabbi
    imam coach player negotiator envoy investigator detective sheriff inspector commissioner auditor regulator
    trader banker investor dissident colonel lieutenant sergeant captain admiral cousin friend neighbor neighbour
    colleague spokesperson deputy counsel partner chairperson surgeon pilot farmer citizen survivor defendant
    suspect plaintiff prisoner detainee volunteer organizer organiser blogger commentator historian psychologist
    engineer architect entrepreneur billionaire millionaire businessperson staffer aide-de-camp veteran athlete
    president-elect speaker whip host anchor sponsor governor-elect mayor-elect sen rep gov councillor councilor
    superintendent provost dean headteacher principal shareholder retiree pensioner meteorologist forecaster
    epidemiologist neurologist cardiologist psychiatrist biologist virologist ecologist referee goalkeeper striker
    midfielder defender midwife paramedic firefighter sibling spouse driver tenant landlord patient customer
    client passenger motorist pedestrian shopper teenager pupil applicant refugee migrant immigrant tourist
    visitor cyclist homeowner buyer consumer caller viewer mourner advocate solicitor barrister gp pharmacist
    substitute winger forward
    dentist vet veterinarian therapist counsellor counselor carer caregiver`.split(/\s+/)) {
    if (w) m.set(w, 'unknown');
  }
  for (const w of `councilman alderman assemblyman spokesman chairman congressman businessman father husband son brother man boy king prince
    grandfather uncle nephew gentleman widower actor waiter boyfriend monk stepfather headmaster grandson stepson`.split(/\s+/)) if (w) m.set(w, 'male');
  for (const w of `councilwoman alderwoman assemblywoman spokeswoman chairwoman congresswoman businesswoman mother wife daughter sister woman girl queen
    princess grandmother aunt niece lady widow actress waitress girlfriend nun stepmother headmistress granddaughter stepdaughter`.split(/\s+/)) if (w) m.set(w, 'female');
  return m;
})();

/** Plural nouns naming a group of people as a source ("officials said"). */
export const GROUP_ROLES: ReadonlySet<string> = new Set(`others officials diplomats analysts experts sources residents protesters
protestors lawmakers legislators critics supporters opponents prosecutors investigators police authorities witnesses
colleagues advisers advisors aides spokespeople spokesmen spokeswomen economists scientists researchers doctors gps
officers soldiers leaders ministers senators governors mayors members representatives activists voters observers
journalists reporters historians scholars lawyers attorneys judges candidates republicans democrats conservatives
liberals organizers organisers residents executives employees workers teachers students parents families relatives
neighbors neighbours people insiders negotiators strategists pollsters donors staffers aides allies rivals
insurgents militants rebels troops forces agents inspectors regulators investors traders bankers analysts
commentators observers participants delegates survivors victims villagers locals citizens americans
patients customers users consumers shoppers fans parents children women men farmers passengers tenants
authors shareholders retirees pensioners campaigners`.split(/\s+/));

/** Singular nouns naming an organisation ("the company", "the ministry"). */
export const ORG_NOUNS: ReadonlySet<string> = new Set(`company firm ministry agency government administration department
campaign committee council court bank group organization organisation party union university embassy mission
commission office corporation network newspaper army military board parliament senate congress regime authority
institute foundation association team club league school hospital coalition alliance fund charity publisher
broadcaster outlet station channel magazine paper website platform startup manufacturer retailer airline
insurer lender bureau prosecutor's-office kremlin cabinet secretariat cannery factory refinery shipyard carmaker
automaker supermarket brewery distillery`.split(/\s+/));

/** Synonymous role heads, so "the advisor" finds "an adviser". */
export const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['advisor', 'adviser'], ['neighbour', 'neighbor'], ['organisation', 'organization'], ['organiser', 'organizer'],
  ['sen', 'senator'], ['rep', 'representative'], ['gov', 'governor'], ['spokeswoman', 'spokesperson'],
  ['spokesman', 'spokesperson'], ['chairman', 'chair'], ['chairwoman', 'chair'], ['chairperson', 'chair'],
  ['congressman', 'representative'], ['congresswoman', 'representative'], ['firm', 'company'],
  ['corporation', 'company'],
]);
