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
      '模板留下的空白（`x%`、`xxxx亿斤`、`第xx名`、`××县`、`XXX同志`、`【 】`、`（ ）`、`____`）必须在发出前填好。没有自动修复：只有作者知道该填什么。',
      'Blanks left by a template (`x%`, `xxxx亿斤`, `第xx名`, `××县`, `XXX同志`, `【 】`, `（ ）`, `____`) must be filled before the report goes out. No automatic fix: only the author knows the value.',
    ),
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    for (const p of ctx.model.placeholders) {
      const what = WHAT[p.kind];
      ctx.report({
        start: p.start,
        end: p.end,
        message: msg(`待填空白“${p.raw}”：请填写${what.zh}。`, `Blank "${p.raw}" left to fill: enter ${what.en}.`),
      });
    }
  },
};
