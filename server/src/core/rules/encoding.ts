// A report opened with the wrong encoding: GBK read as UTF-8 (replacement characters) or as Latin-1
// (accented letters in pairs). One problem on the first line says so, and the other rules stay quiet:
// everything they would find in garbled text is noise. The fix reopens the file with the right
// encoding in the editor; saving is never the fix, as it would write the garbled text over the original.

import { mojibakeOf, type Mojibake, type SuggestedEncoding } from '../encoding';
import { msg, type Msg, type Rule } from './types';

/** The editor command that reopens a document with an encoding (arguments: uri, encoding). */
export const REOPEN_WITH_ENCODING = 'report.reopenWithEncoding';

const NAMES: Record<SuggestedEncoding, string> = { gbk: 'GBK', utf8: 'UTF-8' };

export function encodingMessage(found: Mojibake, sample: string): Msg {
  const name = NAMES[found.encoding];
  if (found.kind === 'replacement') {
    return msg(
      `文件的编码不对：文中有 ${found.count} 个替换字符“�”，这是把 GBK（GB18030）等编码的文件当作 UTF-8 打开的结果，原来的字已无法从文本中还原。请用 GBK 编码重新打开文件；不要保存，否则文件中原来的字会永久丢失。`,
      `This file is opened with the wrong encoding: it holds ${found.count} replacement characters (�), which is what a GBK (GB18030) file read as UTF-8 looks like; the original characters cannot be recovered from this text. Reopen the file with the GBK encoding; do not save it, or the original characters in the file are lost for good.`,
    );
  }
  const source = found.encoding === 'gbk' ? 'GBK' : 'UTF-8';
  return msg(
    `文件的编码不对：“${sample}”这样的乱码是 ${source} 编码的中文被当作 Latin-1（Windows 1252）读出的结果，按 ${name} 应为“${found.preview ?? ''}”。请用 ${name} 编码重新打开文件；不要保存，否则乱码会写进文件。`,
    `This file is opened with the wrong encoding: "${sample}" is ${source} Chinese read as Latin-1 (Windows 1252); in ${name} it reads "${found.preview ?? ''}". Reopen the file with the ${name} encoding; do not save it, or the garbled text is written to the file.`,
  );
}

export const encoding: Rule = {
  meta: {
    id: 'encoding',
    category: 'encoding',
    title: msg('文件编码', 'File encoding'),
    description: msg(
      '报告用错误的编码打开：GBK 文件被当作 UTF-8 读出（满篇替换字符“�”），或被当作 Latin-1/Windows 1252 读出（“ÊöÖ°±¨¸æ”式乱码）。此时只在第一行给出这一条提示，其他规则不再检查；快速修复用正确的编码重新打开文件。不要保存乱码的文件。',
      'The report is opened with the wrong encoding: a GBK file read as UTF-8 (replacement characters “�” throughout) or as Latin-1 / Windows 1252 (mojibake like “ÊöÖ°±¨¸æ”). Only this one problem is shown, on the first line, and the other rules do not run; the quick fix reopens the file with the right encoding. Do not save a garbled file.',
    ),
    defaultSeverity: 'error',
    fixable: false,
    exclusive: true,
  },
  check(ctx) {
    const found = mojibakeOf(ctx.model);
    if (!found) return;
    const { text } = ctx;
    let end = 0;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    const name = NAMES[found.encoding];
    ctx.report({
      start: 0,
      end,
      message: encodingMessage(found, text.slice(found.start, found.end)),
      fixes: [
        {
          title: msg(`用 ${name} 编码重新打开`, `Reopen with the ${name} encoding`),
          edits: [],
          command: { id: REOPEN_WITH_ENCODING, arguments: [found.encoding] },
        },
      ],
    });
  },
};
