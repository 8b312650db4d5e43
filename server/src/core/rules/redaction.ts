import { msg, type Rule } from './types';

export const redaction: Rule = {
  meta: {
    id: 'redaction',
    category: 'blanks',
    title: msg('“某”代称', 'Redaction with 某'),
    description: msg(
      '模板用“某”“某某”隐去名称（`某委`、`某某`）。如果这是要替换成真实名称的地方，请填写；“某些”“某种”“某个”等普通词语不提示。默认关闭。',
      'Templates hide names with 某 (`某委`, `某某`). Where a real name belongs, fill it in; ordinary words (某些, 某种, 某个) are not flagged. Off by default.',
    ),
    defaultSeverity: 'off',
    fixable: false,
  },
  check(ctx) {
    for (const r of ctx.model.redactions) {
      const raw = ctx.text.slice(r.start, r.end);
      ctx.report({
        start: r.start,
        end: r.end,
        message: msg(`“${raw}”是代称，是否需要换成真实名称？`, `"${raw}" stands for a name; replace it with the real one?`),
      });
    }
  },
};
