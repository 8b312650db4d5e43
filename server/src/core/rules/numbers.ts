// The numbers rules, in the order they are listed in the documentation.

import { chineseZero } from './chinese-zero';
import { fullwidthDigits } from './fullwidth-digits';
import { twoDigitYear } from './two-digit-year';
import type { Rule } from './types';

export const NUMBERS_RULES: readonly Rule[] = [fullwidthDigits, chineseZero, twoDigitYear];
