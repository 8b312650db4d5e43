// Function characters typed twice (的的, 了了, 是是): characters that standard Chinese never doubles,
// with the words that put two of them side by side legitimately (目的的, 为了了解, 现在在, 在在建项目).

import { charIndex } from '../chars';
import { forEachInProse, proseSpans } from '../prose';
import { DOUBLED_CHARS } from './data/doubled-chars';
import { msg, type Rule } from './types';

interface Doubling {
  /** A character before the pair that makes a word with the first one (目的 + 的). */
  prev: string;
  /** A character after the pair that makes a word with the second one (了 + 了解). */
  next: string;
}

/** The characters checked, and what makes their doubling legitimate (see DOUBLED_CHARS). */
const DOUBLINGS: ReadonlyMap<string, Doubling> = new Map(DOUBLED_CHARS.map(([ch, prev, next]) => [ch, { prev, next }]));

export const doubledChar: Rule = {
  meta: {
    id: 'doubled-char',
    category: 'words',
    title: msg('重复录入的字', 'Character typed twice'),
    description: msg(
      '“的的”“了了”“是是”“在在”“和和”“们们”等是录入时多打了一个字。只检查从不叠用的虚词，并排除正常的组合：`目的的`、`为了了解`、`不了了之`、`现在在`、`在在建项目`、`是是非非`、`的的确确`、`和和美美`。`谢谢`、`常常`、`天天`、`看看`、`一一`等叠词不在检查之列。',
      'Characters typed twice: 的的, 了了, 是是, 在在, 和和, 们们. Only function characters that are never doubled are checked, and legitimate sequences are excluded: `目的的`, `为了了解`, `不了了之`, `现在在`, `在在建项目`, `是是非非`, `的的确确`, `和和美美`. Reduplicated words such as 谢谢, 常常, 天天, 看看 and 一一 are not checked.',
    ),
    scope: 'block',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { text, model } = ctx;
    const spans = proseSpans(model);
    // The first of each pair of equal checked characters (the index finds them); runs are taken whole.
    const doubles = charIndex(model).doubles;
    let span = -1;
    let i = 0;
    forEachInProse(model, doubles.at, doubles.count, (at, k) => {
      if (k !== span) span = k;
      else if (at < i) return;
      const { start: spanStart, end: spanEnd } = spans[k];
      if (at + 1 >= spanEnd) return;
      const c = text.charCodeAt(at);
      const ch = text[at];
      const d = DOUBLINGS.get(ch)!;
      let j = at + 2;
      while (j < spanEnd && text.charCodeAt(j) === c) j++;
      const start = at;
      i = j;
      const prev = start > spanStart ? text[start - 1] : '';
      const next = j < spanEnd ? text[j] : '';
      if (j - start === 2) {
        // AABB forms (实实在在, 是是非非, 和和美美) and words on either side.
        if (start - 2 >= spanStart && text[start - 2] === prev && prev !== '') return;
        if (j + 1 < spanEnd && text[j + 1] === next && next !== '') return;
        if (prev && d.prev.includes(prev)) return;
        if (next && d.next.includes(next)) return;
      }
      const raw = text.slice(start, j);
      ctx.report({
        start,
        end: j,
        message: msg(`“${raw}”疑为重复录入，应为“${ch}”。`, `"${raw}" looks like a character typed twice; write "${ch}".`),
        fixes: [{ title: msg(`改为“${ch}”`, `Change to "${ch}"`), edits: [{ start: start + 1, end: j, text: '' }] }],
      });
    });
  },
};
