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
    options: {
      minLength: {
        type: 'integer',
        default: 1,
        minimum: 1,
        maximum: 10,
        description: msg('只报告至少这么多个“某”连写的代称（2：只报告“某某”）。', 'Report only runs of at least this many 某 (2: only 某某).'),
      },
    },
  },
  check(ctx) {
    const min = ctx.options.minLength as number;
    for (const r of ctx.model.redactions) {
      if (r.end - r.start < min) continue;
      const raw = ctx.text.slice(r.start, r.end);
      ctx.report({
        start: r.start,
        end: r.end,
        message: msg(`“${raw}”是代称，是否需要换成真实名称？`, `"${raw}" stands for a name; replace it with the real one?`),
      });
    }
  },
};
