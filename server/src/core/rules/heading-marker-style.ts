import type { Heading } from '../model';
import { isChineseNumeralChar } from '../numerals';
import { isAsciiDigit, isDigit, isFullWidthDigit } from '../text';
import { hasHanText } from './heading-groups';
import { msg, type Edit, type Fix, type Rule } from './types';

/** The shape of a marker with its number taken out: `1、` → `N、`, `(三)` → `(C)`, `１.` → `Ｎ.`. */
function shapeOf(marker: string): string {
  let out = '';
  for (let i = 0; i < marker.length; i++) {
    const c = marker.charCodeAt(i);
    const ch = marker[i];
    const sym = isAsciiDigit(c) ? 'N' : isFullWidthDigit(c) ? 'Ｎ' : isChineseNumeralChar(ch) ? 'C' : ch;
    if (out.endsWith(sym) && (sym === 'N' || sym === 'Ｎ' || sym === 'C')) continue;
    out += sym;
  }
  return out;
}

/** The smallest edit that turns the marker as written into the standard one. */
function markerEdit(h: Heading): Edit {
  const a = h.markerText;
  const b = h.canonicalMarker;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { start: h.marker.start + p, end: h.marker.end - s, text: b.slice(p, b.length - s) };
}

const SAMPLE: Record<number, string> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' };

export const headingMarkerStyle: Rule = {
  meta: {
    id: 'heading-marker-style',
    category: 'headings',
    title: msg('标题序号写法不规范', 'Non-standard heading number'),
    description: msg(
      'GB/T 9704-2012 的结构层次序数写作“一、”“（一）”“1.”“（1）”；GB/T 15834-2011 规定顿号只用在汉字数字之后，阿拉伯数字后用下脚点，括号用全角，括号后不再加顿号，数字用半角。于是“(一)”“一.”“一．”“1、”“1．”“１.”“（一）、”“(1)”都应改成标准写法。同一写法在全文只提示一次（列出全部位置），快速修复一次改好全部。',
      'GB/T 9704-2012 numbers the levels 一、 （一） 1. （1）; GB/T 15834-2011 puts the 顿号 only after Chinese numerals, a full stop after Arabic ones, full-width parentheses and nothing after them, and half-width digits. So `(一)`, `一.`, `一．`, `1、`, `1．`, `１.`, `（一）、` and `(1)` should be written the standard way. Each variant is reported once per document (listing every place), and its quick fix corrects them all.',
    ),
    defaultSeverity: 'info',
    fixable: true,
  },
  check(ctx) {
    const { model, text } = ctx;
    const groups = new Map<string, Heading[]>();
    for (const h of model.headings) {
      if (h.kind !== 'numbered' || !h.markerText || h.markerText === h.canonicalMarker) continue;
      // 3、4月份: a full stop there would make the decimal 3.4.
      if (h.level === 3 && isDigit(text.charCodeAt(h.marker.end))) continue;
      if (!hasHanText(model, h)) continue;
      const key = `${h.level}:${shapeOf(h.markerText)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(h);
    }
    for (const g of groups.values()) {
      const h = g[0];
      const standard = SAMPLE[h.level];
      const written = shapeOf(h.markerText).replace(/[NＮ]/gu, '1').replace(/C/gu, '一');
      const edits = g.map(markerEdit);
      const fixes: Fix[] = [];
      const extra = g.length > 1 ? msg(`（全文共 ${g.length} 处）`, ` (${g.length} places in the document)`) : msg('', '');
      fixes.push({
        title: g.length > 1
          ? msg(`把全文 ${g.length} 处“${written}”式序号改为“${standard}”式`, `Change all ${g.length} "${written}" numbers to the "${standard}" style`)
          : msg(`改为“${h.canonicalMarker}”`, `Change to "${h.canonicalMarker}"`),
        edits,
      });
      if (g.length > 1) fixes.push({ title: msg(`只改这一处：改为“${h.canonicalMarker}”`, `Change only this one to "${h.canonicalMarker}"`), edits: [edits[0]] });
      ctx.report({
        start: h.marker.start,
        end: h.marker.end,
        message: msg(
          `序号“${h.markerText}”写法不规范，应为“${h.canonicalMarker}”${extra.zh}。`,
          `Heading number "${h.markerText}" is not the standard form; write "${h.canonicalMarker}"${extra.en}.`,
        ),
        fixes,
        related: g.slice(1, 50).map((o) => ({ start: o.marker.start, end: o.marker.end, message: msg(`同样写作“${o.markerText}”`, `Also written "${o.markerText}"`) })),
      });
    }
  },
};
