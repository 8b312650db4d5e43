import { removeSpan } from './util';
import { msg, type Rule } from './types';

export const paidMarkerStrayEnd: Rule = {
  meta: {
    id: 'paid-marker-stray-end',
    category: 'paid',
    linkedFixes: 'paid-markers',
    title: msg('多余的付费结束标记', 'Paid end marker without a begin'),
    description: msg('结束标记之前没有未闭合的开始标记，这个结束标记不起作用，发布后可能原样显示。', 'An end marker with no open begin marker before it does nothing and may show up as text once published.'),
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const issue of ctx.model.paidIssues) {
      if (issue.kind !== 'stray-end') continue;
      const m = issue.end;
      ctx.report({
        start: m.start,
        end: m.end,
        unnecessary: true,
        message: msg(`结束标记“${m.raw}”之前没有对应的开始标记。`, `End marker "${m.raw}" has no begin marker before it.`),
        fixes: [{ title: msg('删除多余的结束标记', 'Remove the stray end marker'), edits: [removeSpan(ctx.text, m)] }],
      });
    }
  },
};
