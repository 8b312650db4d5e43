import type { PlaceholderKind } from '../model';
import { msg, type Msg, type Rule } from './types';

const WHAT: Record<PlaceholderKind, Msg> = {
  percent: msg('百分比数值', 'a percentage'),
  rank: msg('名次', 'a rank'),
  quantity: msg('数量', 'a number'),
  years: msg('年数', 'a number of years'),
  year: msg('年份', 'a year'),
  date: msg('日期', 'a date'),
  place: msg('地名或单位名称', 'a place or organisation name'),
  person: msg('姓名', "a person's name"),
  text: msg('内容', 'the missing text'),
};

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    category: 'blanks',
    title: msg('待填空白', 'Blank left to fill'),
    description: msg(
      '模板留下的空白（`x%`、`xxxx亿斤`、`第xx名`、`××县`、`XXX同志`、`【 】`、`（ ）`、`____`、`[姓名]`）必须在发出前填好。没有自动修复：只有作者知道该填什么。',
      'Blanks left by a template (`x%`, `xxxx亿斤`, `第xx名`, `××县`, `XXX同志`, `【 】`, `（ ）`, `____`, `[姓名]`) must be filled before the report goes out. No automatic fix: only the author knows the value.',
    ),
    defaultSeverity: 'warning',
    fixable: false,
    options: {
      ignoreKinds: {
        type: 'string[]',
        default: [],
        maxItems: 9,
        maxLength: 10,
        description: msg(
          '不报告的空白种类：percent（百分比）、rank（名次）、year（年份）、years（年数）、date（日期）、person（人名）、quantity（数量）、place（地名）、text（其他）。',
          'Kinds of blanks not reported: percent, rank, year, years, date, person, quantity, place, text.',
        ),
      },
    },
  },
  check(ctx) {
    const ignore = new Set(ctx.options.ignoreKinds as readonly string[]);
    for (const p of ctx.model.placeholders) {
      if (ignore.has(p.kind)) continue;
      const what = WHAT[p.kind];
      ctx.report({
        start: p.start,
        end: p.end,
        message: msg(`待填空白“${p.raw}”：请填写${what.zh}。`, `Blank "${p.raw}" left to fill: enter ${what.en}.`),
      });
    }
  },
};
