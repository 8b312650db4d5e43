// The rule catalogue. One rule per file; add new rules to this list.

import { encoding } from './encoding';
import { paidMarkerMixed } from './paid-marker-mixed';
import { paidMarkerRepeatedBegin } from './paid-marker-repeated-begin';
import { paidMarkerSpelling } from './paid-marker-spelling';
import { paidMarkerStrayEnd } from './paid-marker-stray-end';
import { paidMarkerUnclosed } from './paid-marker-unclosed';
import { paidRegionEmpty } from './paid-region-empty';
import { placeholder } from './placeholder';
import { redaction } from './redaction';
import type { Rule } from './types';
import { HEADINGS_RULES } from './headings';
import { PUNCTUATION_RULES } from './punctuation';
import { NUMBERS_RULES } from './numbers';
import { WORDS_RULES } from './words';

export const RULES: readonly Rule[] = [
  // The encoding check runs first; when it fires, it is the only problem (see lint).
  encoding,
  ...HEADINGS_RULES,
  // Paid markers
  paidMarkerSpelling,
  paidMarkerUnclosed,
  paidMarkerStrayEnd,
  paidMarkerRepeatedBegin,
  paidRegionEmpty,
  paidMarkerMixed,
  // Blanks
  placeholder,
  redaction,
  ...PUNCTUATION_RULES,
  ...NUMBERS_RULES,
  ...WORDS_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
