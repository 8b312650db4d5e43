import { MarkupKind, type Hover } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel, Section } from '../core/model';
import { t, type Lang } from '../core/i18n';
import { msg, type Msg } from '../core/rules/types';
import { toRange } from './convert';

const BLANK_WHAT: Record<string, Msg> = {
  percent: msg('百分比数值（如 12.5%）', 'a percentage (e.g. 12.5%)'),
  rank: msg('名次（如 第3名）', 'a rank (e.g. 第3名)'),
  quantity: msg('数量（阿拉伯数字）', 'a number (Arabic digits)'),
  years: msg('年数', 'a number of years'),
  year: msg('四位年份（如 2024）', 'a four-digit year (e.g. 2024)'),
  date: msg('日期', 'a date'),
  place: msg('地名或单位名称', 'a place or organisation name'),
  person: msg('姓名', "a person's name"),
  text: msg('相应内容', 'the missing text'),
};

function findSection(sections: Section[], offset: number, path: Section[] = []): Section[] {
  for (const s of sections) {
    if (offset >= s.start && offset <= s.end) return findSection(s.children, offset, [...path, s]);
  }
  return path;
}

export function hover(doc: TextDocument, model: ReportModel, offset: number, lang: Lang): Hover | null {
  const pct = (n: number) => (model.chars ? Math.round((n / model.chars) * 1000) / 10 : 0);
  for (const m of model.paidMarkers) {
    if (offset < m.start || offset > m.end) continue;
    const region = model.paidRegions.find((r) => r.begin === m || r.end === m);
    let body: string;
    if (region) {
      const a = model.lines.lineAt(region.begin.start) + 1;
      const b = region.end ? model.lines.lineAt(region.end.start) + 1 : model.lines.lineCount;
      body = t(
        msg(
          `**付费区** 第 ${a}–${b} 行，${region.chars} 字，占全文 ${pct(region.chars)}%${region.end ? '' : '（缺少结束标记，延续到文末）'}`,
          `**Paid region** lines ${a}–${b}, ${region.chars} chars, ${pct(region.chars)}% of the report${region.end ? '' : ' (no end marker: runs to the end)'}`,
        ),
        lang,
      );
    } else {
      body = t(msg(`付费标记 \`${m.raw}\`（未配对）`, `Paid marker \`${m.raw}\` (unpaired)`), lang);
    }
    return { contents: { kind: MarkupKind.Markdown, value: body }, range: toRange(doc, m.start, m.end) };
  }
  for (const p of model.placeholders) {
    if (offset < p.start || offset > p.end) continue;
    const what = BLANK_WHAT[p.kind] ?? BLANK_WHAT.text;
    return {
      contents: { kind: MarkupKind.Markdown, value: t(msg(`**待填空白** \`${p.raw}\`：请填写${what.zh}`, `**Blank to fill** \`${p.raw}\`: enter ${what.en}`), lang) },
      range: toRange(doc, p.start, p.end),
    };
  }
  const path = findSection(model.sections, offset);
  const s = path[path.length - 1];
  if (s && offset >= s.heading.start && offset <= s.heading.end) {
    const parent = path[path.length - 2];
    const siblings = parent ? parent.children : model.sections;
    const index = siblings.indexOf(s) + 1;
    const sub = s.children.length;
    const paid = model.paidRegions.reduce((n, r) => n + Math.max(0, Math.min(s.end, r.content.end) - Math.max(s.start, r.content.start)) , 0) > 0;
    const lines = [
      `**${s.heading.name}**`,
      t(
        msg(
          `第 ${index}/${siblings.length} 节 · ${s.chars} 字（占全文 ${pct(s.chars)}%）${sub ? ` · ${sub} 个小节` : ''}${paid ? ' · 含付费内容' : ''}`,
          `Section ${index} of ${siblings.length} · ${s.chars} chars (${pct(s.chars)}% of the report)${sub ? ` · ${sub} subsections` : ''}${paid ? ' · includes paid content' : ''}`,
        ),
        lang,
      ),
    ];
    if (s.heading.kind === 'numbered' && s.heading.markerText !== s.heading.canonicalMarker) {
      lines.push(t(msg(`标准编号写法：\`${s.heading.canonicalMarker}\``, `Standard numbering: \`${s.heading.canonicalMarker}\``), lang));
    }
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: toRange(doc, s.heading.start, s.heading.end) };
  }
  return null;
}
