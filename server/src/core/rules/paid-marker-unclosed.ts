import { isInlineSpace } from '../text';
import { appendLine, removeSpan } from './util';
import { msg, type Rule } from './types';

export const paidMarkerUnclosed: Rule = {
  meta: {
    id: 'paid-marker-unclosed',
    category: 'paid',
    linkedFixes: 'paid-markers',
    title: msg('付费区缺少结束标记', 'Paid region without an end marker'),
    description: msg(
      '有开始标记而没有对应的结束标记时，开始标记之后的全部内容都会被当作付费内容。',
      'A begin marker with no end marker makes everything after it paid content.',
    ),
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const issue of ctx.model.paidIssues) {
      if (issue.kind !== 'unclosed') continue;
      const b = issue.begin;
      const end = ctx.config.parse.paidMarkers.end.find((s) => (s.includes('$') ? '$$' : '##') === b.family) ?? ctx.config.parse.paidMarkers.end[0];
      // Nothing but blanks after the begin marker: closing it would leave an empty region; the marker goes.
      let k = b.end;
      while (k < ctx.text.length && (isInlineSpace(ctx.text.charCodeAt(k)) || ctx.text.charCodeAt(k) === 0x0a || ctx.text.charCodeAt(k) === 0x0d)) k++;
      const fix =
        k === ctx.text.length
          ? { title: msg('删除这个开始标记（其后没有内容）', 'Remove this begin marker (nothing follows it)'), edits: [removeSpan(ctx.text, b)] }
          : { title: msg(`在文末添加“${end}”`, `Add "${end}" at the end of the document`), edits: [appendLine(ctx.text, end)] };
      ctx.report({
        start: b.start,
        end: b.end,
        message: msg(`付费区从这里开始，但没有结束标记“${end}”，其后全文都将成为付费内容。`, `The paid region starting here has no end marker "${end}": everything after it becomes paid content.`),
        fixes: [fix],
      });
    }
  },
};
