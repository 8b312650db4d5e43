// The words rules, in the order they are listed in the documentation.

import type { Rule } from './types';

export const WORDS_RULES: readonly Rule[] = [];
