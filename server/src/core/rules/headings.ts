// The headings rules, in the order they are listed in the documentation.

import type { Rule } from './types';

export const HEADINGS_RULES: readonly Rule[] = [];
