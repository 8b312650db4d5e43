import { INVISIBLE } from '../paid';
import { removeSpan } from './util';
import { msg, type Rule } from './types';

export const paidRegionEmpty: Rule = {
  meta: {
    id: 'paid-region-empty',
    category: 'paid',
    linkedFixes: 'paid-markers',
    title: msg('空的付费区', 'Empty paid region'),
    description: msg('开始标记和结束标记之间没有任何内容。', 'Nothing between the begin and the end marker.'),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const issue of ctx.model.paidIssues) {
      if (issue.kind !== 'empty') continue;
      const r = issue.region;
      const end = r.end!;
      // Only blanks between the markers: remove the pair and what lies between as one span, so no blank
      // line is left behind. Other markers between them (a page break) stay.
      const blank = ctx.text.slice(r.content.start, r.content.end).replace(INVISIBLE, '').trim() === '';
      const a = removeSpan(ctx.text, r.begin);
      const b = removeSpan(ctx.text, end);
      const edits = blank
        ? [removeSpan(ctx.text, { start: r.begin.start, end: end.end })]
        : a.end >= b.start
          ? [{ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), text: '' }]
          : [a, b];
      ctx.report({
        start: r.begin.start,
        end: end.end,
        unnecessary: true,
        message: msg('付费区是空的：开始和结束标记之间没有内容。', 'The paid region is empty: nothing between its markers.'),
        fixes: [{ title: msg('删除这对空的付费标记', 'Remove the empty pair of markers'), edits }],
      });
    }
  },
};
