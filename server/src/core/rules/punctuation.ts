// The punctuation rules, in the order they are listed in the documentation.

import { paragraphEndComma } from './paragraph-end-comma';
import { paragraphEndPunctuation } from './paragraph-end-punctuation';
import { punctDash } from './punct-dash';
import { punctDunBetweenTitles } from './punct-dun-between-titles';
import { punctEllipsis } from './punct-ellipsis';
import { punctHalfwidth } from './punct-halfwidth';
import { punctRepeated } from './punct-repeated';
import { punctStraightQuotes } from './punct-straight-quotes';
import { punctUnbalanced } from './punct-unbalanced';
import type { Rule } from './types';

export const PUNCTUATION_RULES: readonly Rule[] = [
  punctHalfwidth,
  punctUnbalanced,
  punctStraightQuotes,
  punctRepeated,
  punctEllipsis,
  punctDash,
  punctDunBetweenTitles,
  paragraphEndPunctuation,
  paragraphEndComma,
];
