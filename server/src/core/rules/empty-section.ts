// A heading with nothing under it: followed directly by a heading of the same or a higher level.

import type { Heading, ReportModel, Section } from '../model';
import { msg, type Rule } from './types';

/** Whether a heading is a section heading rather than a list item: Markdown, a part title, 一、 or （一）. */
function isSectionHeading(h: Heading): boolean {
  if (h.runIn || h.terminator === '。' || h.terminator === '！' || h.terminator === '？') return false; // a one-sentence item
  return h.rank <= 0 || h.level === 1 || h.level === 2;
}

/**
 * A table of contents' heading (`## 目录`, `## Contents`, `[TOC]` under `## Table of Contents`): in Markdown
 * the contents are filled in by the renderer (remark-toc, markdown-toc, a site's theme), so nothing under it
 * is how it is written.
 */
const CONTENTS = /^(?:目\s*录|内容目录|文章目录|本文目录|contents|table\s+of\s+contents|toc)$/i;

function isContentsHeading(h: Heading): boolean {
  return CONTENTS.test(h.name.trim());
}

function isEmpty(s: Section): boolean {
  return s.children.length === 0 && s.lastBlock === s.heading.block;
}

export const emptySection: Rule = {
  meta: {
    id: 'empty-section',
    category: 'headings',
    title: msg('空的章节', 'Empty section'),
    description: msg(
      '标题之下没有任何内容，紧接着就是同级或更高一级的标题，多是内容漏写、被删或粘贴时丢失。只检查章节标题（Markdown 标题、分部分标题、“一、”“（一）”），且同组其他同级标题（至少两个）都有内容时才报告；一句话成条的条目（以“。”结尾或“标题句+正文”）和清单式的“1.”条目不算章节；目录标题（“目录”“Contents”）之下的内容由 Markdown 工具生成，不报告。',
      'A heading with nothing under it, followed directly by a heading of the same or a higher level: content left out, deleted or lost in pasting. Only section headings are checked (Markdown headings, part titles, 一、 and （一）), and only when the other headings of the same list (at least two) all have content; one-sentence items (ending with "。", or a heading sentence with its body) and `1.` list items are not sections; the heading of a table of contents ("目录", "Contents") is filled in by Markdown tools and is not reported.',
    ),
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const visit = (siblings: readonly Section[]) => {
      // Per rank among the siblings: how many section headings, and how many of them are empty (counted once
      // per list, so that a list of thousands of headings costs linear time).
      const total = new Map<number, number>();
      const empty = new Map<number, number>();
      for (const o of siblings) {
        if (!isSectionHeading(o.heading) || isContentsHeading(o.heading)) continue;
        total.set(o.heading.rank, (total.get(o.heading.rank) ?? 0) + 1);
        if (isEmpty(o)) empty.set(o.heading.rank, (empty.get(o.heading.rank) ?? 0) + 1);
      }
      for (let i = 0; i < siblings.length; i++) {
        const s = siblings[i];
        visit(s.children);
        if (!isEmpty(s) || !isSectionHeading(s.heading) || isContentsHeading(s.heading)) continue;
        // Followed by a heading: the next sibling, or (for the last one) whatever heading comes next.
        if (!followedByHeading(model, s)) continue;
        // The others alike (same rank, section headings): at least two, none of them empty.
        const others = (total.get(s.heading.rank) ?? 0) - 1;
        const otherEmpty = (empty.get(s.heading.rank) ?? 0) - 1;
        if (others < 2 || otherEmpty > 0) continue;
        const h = s.heading;
        ctx.report({
          start: h.start,
          end: h.end,
          message: msg(`“${h.name}”之下没有内容，紧接着就是下一个标题。`, `"${h.name}" has nothing under it: the next heading follows directly.`),
        });
      }
    };
    visit(model.sections);
  },
};

function followedByHeading(model: ReportModel, s: Section): boolean {
  const { blocks } = model;
  for (let i = s.heading.block + 1; i < blocks.length; i++) {
    const k = blocks[i].kind;
    if (k === 'marker' || k === 'rule') continue;
    return k === 'heading';
  }
  return false;
}
