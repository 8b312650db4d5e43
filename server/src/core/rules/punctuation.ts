// The punctuation rules, in the order they are listed in the documentation.

import type { Rule } from './types';

export const PUNCTUATION_RULES: readonly Rule[] = [];
