import { msg, type Rule } from './types';

export const paidMarkerSpelling: Rule = {
  meta: {
    id: 'paid-marker-spelling',
    category: 'paid',
    linkedFixes: 'paid-markers',
    title: msg('付费标记拼写错误', 'Misspelled paid marker'),
    description: msg(
      '付费标记写错（如 `##paidbegin#`、`##PaidBegin##`、`＃＃paidbegin＃＃`、中间有空格）时，发布平台无法识别，付费内容会直接公开或显示出标记本身。',
      'A paid marker written wrongly (`##paidbegin#`, `##PaidBegin##`, full-width `＃＃`, a space inside) is not recognised by the publishing platform: the paid part is shown for free, or the marker itself shows.',
    ),
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const m of ctx.model.paidMarkers) {
      if (!m.misspelled) continue;
      ctx.report({
        start: m.start,
        end: m.end,
        message: msg(`付费标记“${m.raw}”拼写有误，应为“${m.canonical}”。`, `Paid marker "${m.raw}" is misspelled; write "${m.canonical}".`),
        fixes: [{ title: msg(`改为“${m.canonical}”`, `Change to "${m.canonical}"`), edits: [{ start: m.start, end: m.end, text: m.canonical }] }],
      });
    }
  },
};
