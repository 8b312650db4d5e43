import { msg, type Rule } from './types';

export const paidMarkerMixed: Rule = {
  meta: {
    id: 'paid-marker-mixed',
    category: 'paid',
    linkedFixes: 'paid-markers',
    title: msg('付费标记混用 ## 与 $$', 'Paid markers mix ## and $$'),
    description: msg('一对付费标记应使用同一种写法：`##paidbegin##`…`##paidend##` 或 `$$paidbegin$$`…`$$paidend$$`。', 'A pair of paid markers must use one form: `##paidbegin##`…`##paidend##` or `$$paidbegin$$`…`$$paidend$$`.'),
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const issue of ctx.model.paidIssues) {
      if (issue.kind !== 'mixed-family') continue;
      const { begin, end } = issue.region;
      if (!end) continue;
      const want = ctx.config.parse.paidMarkers.end.find((s) => (s.includes('$') ? '$$' : '##') === begin.family);
      if (!want) continue;
      ctx.report({
        start: end.start,
        end: end.end,
        message: msg(`结束标记“${end.raw}”与开始标记“${begin.raw}”写法不一致。`, `End marker "${end.raw}" does not match begin marker "${begin.raw}".`),
        related: [{ start: begin.start, end: begin.end, message: msg('开始标记', 'Begin marker') }],
        fixes: [{ title: msg(`改为“${want}”`, `Change to "${want}"`), edits: [{ start: end.start, end: end.end, text: want }] }],
      });
    }
  },
};
