// The words rules, in the order they are listed in the documentation.

import { cjkSpace } from './cjk-space';
import { doubledChar } from './doubled-char';
import { doubledWord } from './doubled-word';
import { invisibleChars } from './invisible-chars';
import { misusedWord } from './misused-word';
import { oddSpace } from './odd-space';
import type { Rule } from './types';
import { userDictionary } from './user-dictionary';

export const WORDS_RULES: readonly Rule[] = [misusedWord, userDictionary, doubledChar, doubledWord, cjkSpace, invisibleChars, oddSpace];
