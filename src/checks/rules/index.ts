import type { Rule } from '../types.ts';
import { ageConflict } from './age-conflict.ts';
import { figureConflict } from './figure-conflict.ts';
import { missingByline } from './missing-byline.ts';
import { missingDate } from './missing-date.ts';
import { nameVariant } from './name-variant.ts';
import { nonEnglishText } from './non-english-text.ts';
import { pronounGenderMismatch } from './pronoun-gender-mismatch.ts';
import { properNounCase } from './proper-noun-case.ts';
import { secondarySourcing } from './secondary-sourcing.ts';
import { singleSource } from './single-source.ts';
import { sourceDiversity } from './source-diversity.ts';
import { trustClaimUnbacked } from './trust-claim-unbacked.ts';
import { unattributedQuote } from './unattributed-quote.ts';
import { unnamedSource } from './unnamed-source.ts';
import { weekdayDateConflict } from './weekday-date-conflict.ts';

/** Every rule, by id, in id order: the one place a rule is registered (a test checks the order and the ids). */
export const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['age-conflict', ageConflict],
  ['figure-conflict', figureConflict],
  ['missing-byline', missingByline],
  ['missing-date', missingDate],
  ['name-variant', nameVariant],
  ['non-english-text', nonEnglishText],
  ['pronoun-gender-mismatch', pronounGenderMismatch],
  ['proper-noun-case', properNounCase],
  ['secondary-sourcing', secondarySourcing],
  ['single-source', singleSource],
  ['source-diversity', sourceDiversity],
  ['trust-claim-unbacked', trustClaimUnbacked],
  ['unattributed-quote', unattributedQuote],
  ['unnamed-source', unnamedSource],
  ['weekday-date-conflict', weekdayDateConflict],
]);
