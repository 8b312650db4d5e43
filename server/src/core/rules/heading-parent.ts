import type { HeadingLevel } from '../model';
import { canonicalMarker } from '../parser';
import { hasHanText, siblingGroups } from './heading-groups';
import { msg, type Rule } from './types';

export const headingParent: Rule = {
  meta: {
    id: 'heading-parent',
    category: 'headings',
    title: msg('标题层级跳级', 'Heading level without its parent'),
    description: msg(
      'GB/T 9704-2012 规定结构层次依次为“一、”“（一）”“1.”“（1）”。“1.”直接放在“一、”之下、“（1）”直接放在“（一）”之下，或在第一个“一、”之前就出现“（一）”，层级就跳了一级。不少正式报告有意这样写，所以只作提示，每组同级标题只提示一次；全文没有“一、”时不提示“（一）”。',
      'GB/T 9704-2012 orders the levels 一、 › （一） › 1. › （1）. `1.` directly under `一、`, `（1）` directly under `（一）`, or `（一）` before the first `一、` skips a level. Many published reports do this on purpose, so this is only a note, once per list; `（一）` is not reported when the document has no `一、` at all.',
    ),
    defaultSeverity: 'info',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const groups = siblingGroups(model);
    if (!groups.length) return;
    // The first top-level heading of each level: a level used before it at the top lacks its parent.
    const firstTop: number[] = [Infinity, Infinity, Infinity, Infinity, Infinity];
    for (const g of groups) if (!g.parent && g.items[0].start < firstTop[g.level]) firstTop[g.level] = g.items[0].start;
    for (const g of groups) {
      const h = g.items[0];
      if (!hasHanText(model, h)) continue;
      const p = g.parent;
      if (p && p.kind === 'numbered') {
        if (g.level <= p.level + 1) continue;
        const missing = canonicalMarker((p.level + 1) as HeadingLevel, 1);
        ctx.report({
          start: h.marker.start,
          end: h.marker.end,
          message: msg(
            `“${h.markerText}”直接位于“${p.markerText}”之下，跳过了“${missing}”这一级。`,
            `"${h.markerText}" sits directly under "${p.markerText}", skipping the "${missing}" level.`,
          ),
          related: [{ start: p.marker.start, end: p.marker.end, message: msg('上级标题', 'The parent heading') }],
        });
        continue;
      }
      if (p) continue; // under a part title or a Markdown heading the numbering starts afresh
      // At the top: a higher level that appears later at the top is this one's missing parent.
      for (let l = g.level - 1; l >= 1; l--) {
        if (firstTop[l] === Infinity || firstTop[l] < h.start) continue;
        const missing = canonicalMarker(l as HeadingLevel, 1);
        ctx.report({
          start: h.marker.start,
          end: h.marker.end,
          message: msg(
            `“${h.markerText}”出现在第一个“${missing}”级标题之前，没有上级标题。`,
            `"${h.markerText}" comes before the first "${missing}" heading, with no parent heading.`,
          ),
        });
        break;
      }
    }
  },
};
