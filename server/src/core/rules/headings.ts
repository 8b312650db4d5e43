// The headings rules, in the order they are listed in the documentation.

import { emptySection } from './empty-section';
import { headingMarkerStyle } from './heading-marker-style';
import { headingParent } from './heading-parent';
import { headingPunctuation } from './heading-punctuation';
import { headingSequence } from './heading-sequence';
import type { Rule } from './types';

export const HEADINGS_RULES: readonly Rule[] = [headingSequence, headingParent, headingMarkerStyle, headingPunctuation, emptySection];
