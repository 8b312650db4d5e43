// The numbers rules, in the order they are listed in the documentation.

import type { Rule } from './types';

export const NUMBERS_RULES: readonly Rule[] = [];
