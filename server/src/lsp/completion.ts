// Completion: the next heading number at the start of a line, and the standard phrases of a report found
// by their Chinese start or their pinyin initials. The server filters; the list is incomplete so the
// editor asks again as the author types.

import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionContext,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { indentLength, LEVEL_NAMES, matchPhrases, nextHeadings, phraseSnippet, type HeadingSuggestion } from '../core/completion';
import { t, type Lang } from '../core/i18n';
import type { ReportModel } from '../core/model';
import { msg } from '../core/rules/types';

function shortName(name: string): string {
  return name.length > 24 ? name.slice(0, 24) + '…' : name;
}

function headingDoc(s: HeadingSuggestion, lang: Lang): string {
  const ref = s.ref ? shortName(s.ref.name) : '';
  switch (s.relation) {
    case 'next':
      return t(msg(`接在“${ref}”之后的同级标题`, `The heading after “${ref}”, at the same level`), lang);
    case 'child':
      return t(msg(`“${ref}”之下的第一个下级标题`, `The first subheading under “${ref}”`), lang);
    case 'first':
      return ref
        ? t(msg(`“${ref}”之下的第一个标题`, `The first heading under “${ref}”`), lang)
        : t(msg('报告的第一个标题', 'The first heading of the report'), lang);
  }
}

export function completions(
  doc: TextDocument,
  model: ReportModel,
  position: Position,
  lang: Lang,
  context?: CompletionContext,
): CompletionList {
  const invoked = context?.triggerKind === CompletionTriggerKind.Invoked;
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const offset = doc.offsetAt(position);
  const prefix = doc.getText().slice(lineStart, offset);
  const indent = indentLength(prefix);
  const rest = prefix.slice(indent);
  const items: CompletionItem[] = [];

  // Heading numbers, at the start of a line (after its indentation), when what is typed starts one.
  if (!/[\r\n]/u.test(prefix)) {
    const suggestions = rest.length <= 6 ? nextHeadings(model, lineStart + indent) : [];
    const range = { start: { line: position.line, character: indent }, end: position };
    suggestions.forEach((s, i) => {
      if (rest && !s.marker.startsWith(rest)) return;
      items.push({
        label: s.marker,
        kind: CompletionItemKind.EnumMember,
        detail: t(LEVEL_NAMES[s.level], lang),
        documentation: headingDoc(s, lang),
        sortText: `0${i}`,
        filterText: s.marker,
        preselect: i === 0,
        textEdit: { range, newText: s.marker },
        data: { heading: s.level },
      });
    });
  }

  // Phrases.
  matchPhrases(prefix.slice(indent), invoked).forEach(({ phrase, query }, i) => {
    const start = { line: position.line, character: indent + query.start };
    items.push({
      label: phrase.label,
      kind: CompletionItemKind.Snippet,
      detail: t(msg(`常用语 · ${phrase.use.zh}`, `Phrase · ${phrase.use.en}`), lang),
      documentation: {
        kind: MarkupKind.Markdown,
        value: t(msg(`输入拼音首字母 \`${phrase.keys[0]}\` 也可找到。`, `Also found by the pinyin initials \`${phrase.keys[0]}\`.`), lang),
      },
      sortText: `1${String(i).padStart(3, '0')}`,
      // The typed text itself, so that the editor's own filter keeps what the server chose.
      filterText: prefix.slice(indent + query.start) || phrase.label,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: { start, end: position }, newText: phraseSnippet(phrase) },
    });
  });

  return { isIncomplete: true, items };
}
