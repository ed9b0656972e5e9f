import { createRequire } from 'node:module';
import { isEnglishWord } from '../lexicon.ts';
// Common given names by gender, from general knowledge (English-language news, plus frequent
// names from the regions news covers). Ambiguous names (Jordan, Taylor, Alex, Sasha) are left out:
// a forename only counts as gender evidence when it is unambiguous.
const MALE = `tomas andres ramon joaquin fernando sergio raul marcos mateo alvaro inigo nicolas sebastian santiago rodrigo gonzalo emilio ignacio
aaron abdul abdullah abraham adam adrian ahmad ahmed alan albert alberto aleksandr aleksei alexander alexandre
alexei alfred ali alistair andre andrea_m andrei andrew andrey andriy angelo anthony antonio anton arnold arthur
ashraf barack barry ben benjamin benny bernard bernie bill billy bob bobby boris brad bradley brandon brendan
brett brian bruce bryan carl carlos charles charlie chris christopher chuck clarence claude clint colin conor craig
dale dan daniel danny darren dave david dean dennis denis derek dick diego dmitri dmitry dmytro don donald doug
douglas duncan dwight eddie edward elijah elon emmanuel enrique eric erik ernest eugene evan evgeny fabio felix
fernando francesco francis francisco frank franklin fred frederick gabriel gareth gary gavin gene geoff geoffrey
george gerald gerhard giorgio giuseppe glenn gordon graham greg gregory guillermo gustavo hamid hans harold harry
harvey hassan hector henry herbert howard hugh hugo hussein ian igor ibrahim isaac ivan jack jacob jake james jared
jason javier jay jeb jeff jeffrey jens jeremy jerome jerry jesse jim jimmy joe joel johan john johnny jon jonathan
jorge jose joseph josh joshua juan julian justin karl keith kenneth kevin khalid kim_m kirill kurt kyle lance larry
lars lawrence lee_m leon leonard leonid liam lindsey_m lloyd lorenzo louis luca lucas luis luke malcolm manuel marc marco
marcus mario mark martin matt matteo matthew maurice max maxim michael miguel mike mikhail mitch mitt mohammad mohammed
muhammad mykola mykhailo nathan neil nicholas nick nicolas nigel noah oleg oleksandr oleksiy olaf oliver omar oscar
otto pablo patrick paul pedro peter petro petr phil philip pierre rafael ralph ramon randy raul ray raymond reed_m
reince rex ricardo richard rick rob robert roberto rodrigo roger roman ron ronald ross roy rudy rupert russell ryan
salman sam samuel scott sean sebastian sergei sergey sergio seth shawn simon stanley stefan stephen steve steven
stuart sven taras ted terry thomas tim timothy todd tom tommy tony travis ulrich valery vadim vasily viktor victor
vincent vitali vitaly vladimir vladislav volodymyr walter warren wayne will william wolfgang xi yevgeny yuri yury
zach zachary joaquin benedict mahmoud recep emmanuel narendra rishi keir olaf justin viktor yair naftali bashar
pavel andrzej tomasz piotr jakub lukas matthias jurgen klaus dieter jacques francois olivier
thierry vittorio mateo santiago alejandro hiroshi takeshi kenji raj rahul arjun amit vikram kwame kofi chinedu
ahmet mehmet mustafa yusuf tariq bilal hamza karim nikolai nikolay stanislav yaroslav bohdan vasyl serhiy
kevin_m marco rand newt mick lindsey_x ted chuck reince sean_m herschel hakeem ro beto jamaal cory marco raphael
ed tad ken hank andy pete stan hal guy earl`;

const FEMALE = `lucia sofia carmen pilar rocio isabel paula claudia alba nuria dolores mercedes raquel silvia teresa
abigail adriana agnes alexandra alexandria alice alicia alina alison allison amanda amber amelia amy ana
anastasia andrea angela angelina anita ann anna anne annette antonia ashley barbara beata betsy betty beverly
brenda bridget brittany camila candace carla carmen carol caroline carolyn catherine cathy cecilia charlotte chelsea
cheryl christina christine cindy claire clara claudia colleen courtney cynthia dana daniela danielle daria darya
deborah debbie debra denise diana diane donna doris dorothy edith elaine eleanor elena elisabeth elizabeth ella
ellen emily emma erica erin esther eva evelyn fatima fiona frances francesca gabriela gabrielle gina giorgia gloria
grace greta gretchen hannah harriet heather heidi helen helena hillary holly ilhan ingrid irene irina iryna isabel
isabella ivanka jacqueline jane janet janice jean_f jeanne jennifer jenny jessica jill joan joanna jodi josephine joy
joyce judith judy julia julie june karen karin katarina kate katherine kathleen kathryn kathy katie kay kayleigh
kelly kimberly kristen kristina kristi lara laura lauren leah liz linda lisa liudmyla liz lori lorraine louise
lucia lucy ludmila lydia lyudmila madeleine maggie margaret margarethe maria marianne marie marina marine marion
marjorie marsha martha mary maryam maxine megan melania melanie melissa mia michelle mila miriam molly monica
nadia nadezhda nancy naomi natalia natalie natasha nicola nicole nikki nina nora olena olga olivia paige pamela
patricia patsy paula pauline penny phyllis priscilla rachel rebecca regina rita roberta rosa rose rosemary ruth
sabine sally samantha sandra sara sarah sharon sheila shirley silvia simone sofia sonia sophia sophie stacey
stephanie susan suzanne svetlana sylvia tamara tammy tanya teresa theresa tiffany tina tracy tulsi ursula valentina
valerie vanessa vera veronica victoria virginia wendy yana yulia yuliia zoe kamala nancy dianne elise marsha
kirsten tammy kyrsten jeanine ketanji sonia amy betsy condoleezza hope huma kellyanne sarah_h liz theresa
lena ines hanna oksana tetiana kateryna yevgenia alla zoya galina inna larisa marta agata beatriz camille
chloe elodie emilie manon aisha amira layla leila noura yasmin zainab priya sunita anjali mei yuki ingrid
angela jacinda giorgia annalena ursula kaja roberta christiane sanna mette hillary chelsea melania ivanka jill
meg deb bonnie peggy patty sue becky jen`;

function set(block: string): Set<string> {
  // "_x" suffixes mark names that are too ambiguous to count; they stay out.
  return new Set(block.split(/\s+/).filter((w) => w && !w.includes('_')));
}

const male = set(MALE);
const female = set(FEMALE);
// A name on both lists says nothing about gender; nor does one marked ambiguous ("_x").
const ambiguous = new Set(`${MALE} ${FEMALE}`.split(/\s+/).filter((w) => w.includes('_')).map((w) => w.split('_')[0]));
for (const n of [...male]) if (female.has(n)) { male.delete(n); female.delete(n); ambiguous.add(n); }

// Beyond the hand lists above: the name lists of the `gender-detection-from-name` package (MIT,
// © 2019 Davide Violante; English, Spanish, French, Italian and German forenames, ~60,000, each with
// its majority gender). A name two languages disagree on is left out, and so is one that is an
// English word ("hope", "major", "king"). Used for gender evidence only (forenameGenderOf), and
// loaded on the first full name the hand lists miss.
const require = createRequire(import.meta.url);
let extra: Map<string, 'male' | 'female'> | null = null;

function extraNames(): Map<string, 'male' | 'female'> {
  if (extra) return extra;
  const out = new Map<string, 'male' | 'female'>();
  const clash = new Set<string>();
  for (const lang of ['en', 'es', 'fr', 'it', 'de']) {
    let names: Map<string, string>;
    try {
      names = require(`gender-detection-from-name/names/${lang}.js`) as Map<string, string>;
    } catch {
      continue; // the package is optional at run time: the hand lists still work
    }
    for (const [n, g] of names) {
      if (n.length < 3 || (g !== 'male' && g !== 'female')) continue;
      const prev = out.get(n);
      if (prev && prev !== g) clash.add(n);
      else out.set(n, g);
    }
  }
  for (const n of clash) out.delete(n);
  extra = out;
  return out;
}

const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '');

function isAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) return false;
  return true;
}

/** Forenames of one gender from the hand list, spelled with or without diacritics ("tomás" finds "tomas"). */
class Forenames extends Set<string> {
  override has(w: string): boolean {
    if (super.has(w)) return true;
    return !isAscii(w) && super.has(fold(w));
  }
}

/**
 * The gender of the first word of a full name ("Chidi Okonkwo", "Gwen Ashby") from the hand lists,
 * else from the package lists. Only for gender evidence: those lists also hold many surnames
 * ("Rahman", "Brennan"), so they must not decide what is a forename anywhere else.
 */
export function forenameGenderOf(w: string): 'male' | 'female' | 'unknown' {
  if (MALE_FORENAMES.has(w)) return 'male';
  if (FEMALE_FORENAMES.has(w)) return 'female';
  if (w.length < 3 || ambiguous.has(w)) return 'unknown';
  const g = extraNames().get(w) ?? (isAscii(w) ? undefined : extraNames().get(fold(w)));
  return g && !isEnglishWord(w) ? g : 'unknown';
}

export const MALE_FORENAMES: ReadonlySet<string> = new Forenames(male);
export const FEMALE_FORENAMES: ReadonlySet<string> = new Forenames(female);

/** Whether a lower-cased word is a forename of the hand lists (either gender). */
export function isForename(w: string): boolean {
  return MALE_FORENAMES.has(w) || FEMALE_FORENAMES.has(w);
}

/**
 * Which word of a lower-cased full name is its forename: the first, unless the first and second are
 * forenames of opposite genders in the hand lists and a surname follows ("Marine John Tiegen", a
 * rank before the forename; "Marine Le Pen" has no second forename).
 */
export function forenameIndex(words: readonly string[]): number {
  if (words.length < 3) return 0;
  const g0 = MALE_FORENAMES.has(words[0]) ? 'male' : FEMALE_FORENAMES.has(words[0]) ? 'female' : null;
  const g1 = MALE_FORENAMES.has(words[1]) ? 'male' : FEMALE_FORENAMES.has(words[1]) ? 'female' : null;
  return g0 && g1 && g0 !== g1 ? 1 : 0;
}
