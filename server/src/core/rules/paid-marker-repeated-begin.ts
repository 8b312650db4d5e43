import { removeSpan } from './util';
import { msg, type Rule } from './types';

export const paidMarkerRepeatedBegin: Rule = {
  meta: {
    id: 'paid-marker-repeated-begin',
    category: 'paid',
    linkedFixes: 'paid-markers',
    title: msg('重复的付费开始标记', 'Repeated paid begin marker'),
    description: msg('付费区已经开始，又出现一个开始标记（付费区不能嵌套）。', 'A begin marker inside a paid region that is already open (paid regions do not nest).'),
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const issue of ctx.model.paidIssues) {
      if (issue.kind !== 'repeated-begin') continue;
      const m = issue.begin;
      ctx.report({
        start: m.start,
        end: m.end,
        unnecessary: true,
        message: msg(`付费区已在前面开始，这个开始标记“${m.raw}”是重复的。`, `A paid region is already open; this begin marker "${m.raw}" is repeated.`),
        related: [{ start: issue.open.start, end: issue.open.end, message: msg('付费区在这里开始', 'The paid region starts here') }],
        fixes: [{ title: msg('删除重复的开始标记', 'Remove the repeated begin marker'), edits: [removeSpan(ctx.text, m)] }],
      });
    }
  },
};
