import { markIndex } from './punct-util';
import { msg, type Rule } from './types';

const CLOSERS = new Set([0x300b /* 》 */, 0x201d /* ” */, 0x2019 /* ’ */]);
const OPENERS = new Set([0x300a /* 《 */, 0x201c /* “ */, 0x2018 /* ‘ */]);

export const punctDunBetweenTitles: Rule = {
  meta: {
    id: 'punct-dun-between-titles',
    category: 'punctuation',
    title: msg('引号、书名号之间的顿号', 'Enumeration comma between quoted or titled items'),
    description: msg(
      'GB/T 15834-2011 第 4.5.3.5 条：标有引号或书名号的并列成分之间通常不用顿号，写作《A》《B》、“A”“B”。很多公文仍写作“A”、“B”，这不算错误，因此本规则默认只给出提示。并列项之间插有括注时（《A》（修订版）、《B》）宜用顿号，不在本规则检查范围内。',
      'GB/T 15834-2011 §4.5.3.5: items in quotation or title marks listed together usually take no enumeration comma between them: 《A》《B》, “A”“B”. Many official texts still write “A”、“B”, which is not wrong, so the rule only hints by default. When a note in parentheses stands between the items (《A》（修订版）、《B》) the comma is right and is not checked.',
    ),
    scope: 'block',
    defaultSeverity: 'hint',
    fixable: true,
  },
  check(ctx) {
    // A 顿号 between a closing and an opening quotation or title mark, inside one span of prose.
    const { text, model } = ctx;
    const marks = markIndex(model);
    for (let j = 0; j + 1 < marks.count; j++) {
      const start = marks.at[j];
      if (marks.at[j + 1] !== start + 2 || marks.span[j + 1] !== marks.span[j]) continue;
      if (!CLOSERS.has(marks.code[j]) || text.charCodeAt(start + 1) !== 0x3001 || !OPENERS.has(marks.code[j + 1])) continue;
      const pair = text.slice(start, start + 3);
      const without = pair[0] + pair[2];
      ctx.report({
        start: start + 1,
        end: start + 2,
        message: msg(`并列的引号或书名号之间通常不用顿号：“${pair}”可写作“${without}”。`, `No enumeration comma is needed between quoted or titled items: "${pair}" can be "${without}".`),
        fixes: [{ title: msg('删去顿号', 'Remove the comma'), edits: [{ start: start + 1, end: start + 2, text: '' }] }],
      });
    }
  },
};
