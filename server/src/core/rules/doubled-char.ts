// Function characters typed twice (的的, 了了, 是是): characters that standard Chinese never doubles,
// with the words that put two of them side by side legitimately (目的的, 为了了解, 现在在, 在在建项目).

import { proseSpans } from '../prose';
import { msg, type Rule } from './types';

interface Doubling {
  /** A character before the pair that makes a word with the first one (目的 + 的). */
  prev: string;
  /** A character after the pair that makes a word with the second one (了 + 了解). */
  next: string;
}

/**
 * The characters checked, and what makes their doubling legitimate. Reduplicated words (谢谢, 常常,
 * 天天, 看看, 一一) are not listed: only characters that are never doubled on their own.
 */
const DOUBLINGS: ReadonlyMap<string, Doubling> = new Map([
  // 目的的, 标的的, 众矢之的的; 的的确确 is an AABB form; 的确, 的士, 的哥.
  ['的', { prev: '目标之端', next: '确士哥姐' }],
  // 不了了之, 小时了了; 为了了解, 除了了结.
  ['了', { prev: '不时', next: '解结却如然断事得不无悟望账' }],
  ['们', { prev: '', next: '' }],
  ['也', { prev: '', next: '' }],
  ['于', { prev: '', next: '' }],
  // 凡是是; 是是非非 is AABB; 就是是否.
  ['是', { prev: '凡', next: '非否' }],
  // 现在在, 存在在; 在在建项目, 在在职党员, 在在校学生, 在在华企业, 在在座各位.
  ['在', { prev: '现存', next: '线职建岗校编任册读押逃研营售用运库家于乎意案京华沪港澳台外内途场位世座' }],
  // 温和和, 总和和, 缓和和; 和和美美 is AABB; 和谐, 和平, 和解.
  ['和', { prev: '温平总调饱缓柔暖祥讲附应随中人共谦亲议求违掺搀唱拌融协顺', next: '谐平解睦美气善蔼衷煦顺尚田声弦局约谈亲畅缓服面弄稀盘牌棋好合' }],
  // 参与与, 给与与; 与会, 与其, 与日俱增, 与时俱进.
  ['与', { prev: '参给赋授施干相付寄许', next: '会其日时否' }],
]);

/** The checked characters as a table of UTF-16 code units: one typed-array read per character of text. */
const CHECKED = new Uint8Array(0x10000);
for (const ch of DOUBLINGS.keys()) CHECKED[ch.charCodeAt(0)] = 1;

export const doubledChar: Rule = {
  meta: {
    id: 'doubled-char',
    category: 'words',
    title: msg('重复录入的字', 'Character typed twice'),
    description: msg(
      '“的的”“了了”“是是”“在在”“和和”“们们”等是录入时多打了一个字。只检查从不叠用的虚词，并排除正常的组合：`目的的`、`为了了解`、`不了了之`、`现在在`、`在在建项目`、`是是非非`、`的的确确`、`和和美美`。`谢谢`、`常常`、`天天`、`看看`、`一一`等叠词不在检查之列。',
      'Characters typed twice: 的的, 了了, 是是, 在在, 和和, 们们. Only function characters that are never doubled are checked, and legitimate sequences are excluded: `目的的`, `为了了解`, `不了了之`, `现在在`, `在在建项目`, `是是非非`, `的的确确`, `和和美美`. Reduplicated words such as 谢谢, 常常, 天天, 看看 and 一一 are not checked.',
    ),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const { text, model } = ctx;
    for (const span of proseSpans(model)) {
      let i = span.start;
      while (i + 1 < span.end) {
        const c = text.charCodeAt(i);
        if (!CHECKED[c] || text.charCodeAt(i + 1) !== c) {
          i++;
          continue;
        }
        const ch = text[i];
        const d = DOUBLINGS.get(ch)!;
        let j = i + 2;
        while (j < span.end && text.charCodeAt(j) === c) j++;
        const start = i;
        i = j;
        const prev = start > span.start ? text[start - 1] : '';
        const next = j < span.end ? text[j] : '';
        if (j - start === 2) {
          // AABB forms (实实在在, 是是非非, 和和美美) and words on either side.
          if (start - 2 >= span.start && text[start - 2] === prev && prev !== '') continue;
          if (j + 1 < span.end && text[j + 1] === next && next !== '') continue;
          if (prev && d.prev.includes(prev)) continue;
          if (next && d.next.includes(next)) continue;
        }
        const raw = text.slice(start, j);
        ctx.report({
          start,
          end: j,
          message: msg(`“${raw}”疑为重复录入，应为“${ch}”。`, `"${raw}" looks like a character typed twice; write "${ch}".`),
          fixes: [{ title: msg(`改为“${ch}”`, `Change to "${ch}"`), edits: [{ start: start + 1, end: j, text: '' }] }],
        });
      }
    }
  },
};
