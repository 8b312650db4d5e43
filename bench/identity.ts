// Dumps everything the analysis finds — every problem of every rule (each rule run alone, so the encoding
// check hides nothing), the character index and the encoding verdict — for the corpus, the examples, the
// test fixtures, the 1 MiB benchmark text, garbled versions of the corpus and seeded random texts made of
// the pieces the rules look for. A speed-up must leave the dump byte-identical:
//   esbuild bench/identity.ts --bundle --platform=node --outfile=out/bench/identity.js --log-level=warning
//   node out/bench/identity.js > before.txt   (change, rebuild)   node out/bench/identity.js > after.txt
//   cmp before.txt after.txt
// `--only rule,rule` limits the rules (the character index and the encoding verdict are always dumped).

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { charIndexOf, type CharIndex } from '../server/src/core/chars';
import { resolveConfig } from '../server/src/core/config';
import { decodeReport } from '../server/src/core/decode';
import { detectMojibake } from '../server/src/core/encoding';
import { lint } from '../server/src/core/lint';
import { parse } from '../server/src/core/parser';
import { RULES } from '../server/src/core/rules';

const argv = process.argv.slice(2);
const onlyArg = argv.indexOf('--only');
const ONLY = onlyArg >= 0 ? new Set(argv[onlyArg + 1].split(',')) : undefined;
const CORPUS = process.env.REPORT_CORPUS ?? join(process.cwd(), '..', 'shared', 'corpus');

const inputs: [string, string][] = [];
const files = (dir: string, re: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort() : []);

// The corpus, as the benchmark reads it, and garbled: UTF-8 bytes read as Latin-1 / Windows 1252, GBK
// bytes read as Latin-1 and as UTF-8.
const corpus: string[] = [];
const latin1 = new TextDecoder('windows-1252');
const latin1Strict = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');
for (const f of files(CORPUS, /\.(txt|md)$/).filter((f) => !/^(README|SOURCES)/.test(f))) {
  const bytes = readFileSync(join(CORPUS, f));
  const text = decodeReport(bytes).replace(/^\uFEFF/, '');
  corpus.push(text);
  inputs.push([`corpus/${f}`, text]);
  inputs.push([`corpus/${f} as windows-1252`, latin1.decode(bytes)]);
  inputs.push([`corpus/${f} utf8 as windows-1252 (first 3000 bytes)`, latin1.decode(Buffer.from(text).subarray(0, 3000))]);
  inputs.push([`corpus/${f} as utf-8`, utf8.decode(bytes)]);
  inputs.push([`corpus/${f} as latin1 halves`, latin1Strict.decode(bytes.subarray(0, bytes.length >> 1)) + text.slice(text.length >> 1)]);
}
// The corpus damaged: every third line loses its last character, and every 97th position has the two or
// three characters after it typed again (进行进行).
for (const [i, text] of corpus.entries()) {
  const lines = text.split('\n').map((l, k) => (k % 3 === 1 ? l.slice(0, -1) : l));
  inputs.push([`corpus ${i} lines cut`, lines.join('\n')]);
  let doubled = '';
  for (let k = 0; k < text.length; k += 97) doubled += text.slice(k, k + 97) + text.slice(k + 97, k + 97 + 2 + (k % 2));
  inputs.push([`corpus ${i} words doubled`, doubled]);
}
for (const dir of ['examples', 'test/fixtures', 'test/grammar']) {
  for (const f of files(dir, /\.(report|txt|md)$/)) inputs.push([`${dir}/${f}`, decodeReport(readFileSync(join(dir, f)))]);
}

// About 1 MiB of the corpus concatenated, as the benchmark builds it (whole files, cycling).
{
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; corpus.length && size < 1 << 20; i++) {
    const t = corpus[i % corpus.length];
    parts.push(t, '\n\n');
    size += Buffer.byteLength(t) + 2;
  }
  inputs.push(['corpus concatenated', parts.join('')]);
}

// Seeded random texts from the pieces the rules look at.
const PIECES = [
  ...'的了是在和有我你他她它这那所被把对从向就都还又很给以而或但并及其之为因则即仍乃于与跟比使一步看谢常认真工作完成进行研究讨论年度总结报告'.split(''),
  '进行进行', '完成完成了', '我所所做', '要研究研究', '讨论讨论吧', '看看', '一步一步', '谢谢', '认认真真', '不了了之', '研究所所长', '家家户户', '哈哈哈',
  '这这', '所所', '被被', '的的', '了了', '工作工作', '我们我们', '全面全面推进', '推进推进', '学习学习', '总结总结', '一一', '他他们',
  ...'。，、；：！？“”‘’（）《》【】…—·,.;:!?()"\'-'.split(''), '。。', '，，', '、、', '。。。', '……', '——', '！！',
  ' ', ' ', '  ', '\t', '\n', '\n', '\n\n', '\r\n', '\u3000', '\u00a0',
  ...'0123456789０１２３４５６７８９abcXYZ%％'.split(''), '2023 年', '增长 15%', '深 入', 'http://a.b/c', 'a@b.com', '`code`', '[x](y)',
  '\u200b', '\u00ad', '\ufeff', '\u2028', '\u202e', '𠀀', '𠀀𠀀', '\ud800', '\udc00', '\ufffd', '\ufffd\ufffd',
  ...'ÊöÖ°±¨¸æÄêÈÕ¹¤×÷'.split(''), 'ÊöÖ°±¨¸æ', 'è¿°è\u0081\u008cæ\u008a¥å\u0091\u008a', '€‚ƒ„†‡ˆ‰Š‹ŒŽ',
  '一、', '（一）', '1.', '1、', '(1)', '①', '# ', '## ', '- ', '* ', '第一章', '\n一、工作总结\n', '\n（二）存在问题\n', '\n1. 完成完成\n',
];
function random(seed: number): string {
  let s = seed * 2654435761 >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s >>> 8);
  const n = 20 + (next() % 3000);
  const out: string[] = [];
  // Each text favours a few pieces, so that rare ones come up in numbers.
  const favoured = [next() % PIECES.length, next() % PIECES.length, next() % PIECES.length];
  for (let i = 0; i < n; i++) out.push(PIECES[next() % 4 === 0 ? favoured[next() % 3] : next() % PIECES.length]);
  return out.join('');
}
for (let seed = 1; seed <= 400; seed++) inputs.push([`random ${seed}`, random(seed)]);

const config = resolveConfig({ rules: Object.fromEntries(RULES.filter((r) => r.meta.defaultSeverity === 'off').map((r) => [r.meta.id, 'hint'])) });
const rules = RULES.filter((r) => !ONLY || ONLY.has(r.meta.id));

function indexDump(idx: CharIndex): string {
  const out: string[] = [];
  for (const k of ['blanks', 'marks', 'hints', 'fullWidthDigits', 'years', 'doubles', 'invisibles', 'wordStarts'] as const) {
    const p = idx[k];
    out.push(`${k} ${p.count} ${createHash('sha1').update(p.at.subarray(0, p.count)).digest('hex')}`);
  }
  return out.join(' | ');
}

const w = (s: string) => process.stdout.write(s + '\n');
for (const [name, text] of inputs) {
  w(`== ${name} (${text.length})`);
  w(`index ${indexDump(charIndexOf(text))}`);
  w(`mojibake ${JSON.stringify(detectMojibake(text) ?? null)}`);
  const model = parse(text, config.parse);
  for (const r of rules) {
    for (const p of lint(model, config, { only: new Set([r.meta.id]) })) {
      w(`${p.rule}\t${p.severity}\t${p.start}\t${p.end}\t${JSON.stringify(p.message)}\t${JSON.stringify(p.fixes)}\t${JSON.stringify(p.related ?? null)}\t${p.unnecessary ?? ''}`);
    }
  }
}
