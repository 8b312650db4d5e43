// The `report` command line: `report check` for people and CI, `report outline`, `report stats` and
// `report strip-paid` for scripts. It runs the same report service as the language server, with Node's
// file system and worker threads; this file only parses arguments, prints and chooses the exit code.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { version } from '../../../package.json';
import { langOf, t, type Lang } from '../core/i18n';
import type { Section } from '../core/model';
import { msg, type Severity } from '../core/rules/types';
import { createCliService, documentOf, MAX_FILE_BYTES, parseRuleOption, readReport, type CheckOptions, type FileResult, type FixMode, type Source } from './check';
import { discover, gitRoot } from './discover';
import { encode } from './encoding';
import { ANSI, FORMATS, github, json, PLAIN, sarif, stylish, totals, type Format } from './format';
import { autoThreads, checkAll } from './pool';

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

class UsageError extends Error {}

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** The script worker threads start (this bundle). */
  script: string;
}

function envLang(env: NodeJS.ProcessEnv): Lang {
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

function say(lang: Lang, zh: string, en: string): string {
  return t(msg(zh, en), lang);
}

function help(lang: Lang): string {
  if (lang === 'zh') {
    return `report ${version} — 检查中文述职报告、工作报告、工作总结

用法：
  report check [选项] [路径或通配符…]   检查报告（缺省：当前目录下的报告文件）
  report outline [--json] 文件          章节结构及各节字数
  report stats [--json] 文件            字数、付费占比、待填空位、各节统计
  report strip-paid 文件 [-o 输出文件]  去掉付费标记后的正文
  report export 文件 -o 输出.docx       按 GB/T 9704 版式导出为 Word 文档（有待填空白时退出码 1，除非 --allow-blanks）
  report import 文件.docx [-o 输出文件]  把 Word 文档转成报告文本
  report --version | --help
  outline、stats、strip-paid 也接受 -c 配置文件 和 --lang；文件写作 - 时从标准输入读取。

check 的选项：
  -f, --format 格式         stylish（缺省）、json、sarif、github
  -o, --output-file 文件    把结果写入文件而不是标准输出
      --fix                 自动修复并按文件原来的编码和换行符写回
      --fix-dry-run         计算修复但不写入（json 格式给出修复后的文本）
      --stdin               从标准输入读取一份报告（配合 --fix 时修复后的文本输出到标准输出）
      --stdin-filename 名   标准输入的文件名（用于查找配置和输出）
      --rule 规则=级别      设置规则级别（off、hint、info、warning、error），可重复
  -c, --config 文件         使用该配置文件，不再查找 .reportrc.json
      --max-warnings 数     警告多于该数时退出码为 1
      --quiet               只报告错误
      --min-severity 级别   报告的最低级别：error、warning、info（缺省）、hint
      --no-ignore           不理会 .gitignore 和 .reportignore
      --concurrency 数      工作线程：auto（缺省，文件多时用全部核心）、off 或线程数
      --color, --no-color   强制开启或关闭颜色（缺省：终端上开启，设置 NO_COLOR 时关闭）
      --lang zh|en          消息语言（缺省取自 LC_ALL、LC_MESSAGES、LANG）

退出码：0 没有错误；1 有错误，或警告多于 --max-warnings；2 用法错误或读写失败。
`;
  }
  return `report ${version} — checks Chinese work reports (述职报告, 工作报告, 工作总结)

Usage:
  report check [options] [paths or globs…]   check reports (default: the report files under .)
  report outline [--json] FILE               the section tree with character counts
  report stats [--json] FILE                 characters, paid share, blanks, per section
  report strip-paid FILE [-o OUT]            the text without its paid markers
  report export FILE -o OUT.docx             a Word document in the GB/T 9704 layout (exit 1 while blanks
                                             are left to fill, unless --allow-blanks)
  report import FILE.docx [-o OUT]           a Word document as report text
  report --version | --help
  outline, stats and strip-paid also take -c FILE and --lang; a FILE of - reads standard input.

Options of check:
  -f, --format FORMAT       stylish (default), json, sarif, github
  -o, --output-file FILE    write the results to FILE instead of standard output
      --fix                 apply fixes; files are written in their own encoding and line endings
      --fix-dry-run         compute fixes without writing (json shows the fixed text)
      --stdin               check one report read from standard input (with --fix, the fixed text
                            goes to standard output and the results to standard error)
      --stdin-filename NAME its file name (for configuration and output)
      --rule ID=SEVERITY    a rule's severity (off, hint, info, warning, error); repeatable
  -c, --config FILE         settings from FILE instead of the .reportrc.json files found
      --max-warnings N      exit with 1 when there are more than N warnings
      --quiet               report errors only
      --min-severity LEVEL  the least severity reported: error, warning, info (default), hint
      --no-ignore           check files that .gitignore and .reportignore leave out
      --concurrency N       worker threads: auto (default: all cores for many files), off, or a number
      --color, --no-color   force colours on or off (default: on a terminal, off when NO_COLOR is set)
      --lang zh|en          language of messages (default from LC_ALL, LC_MESSAGES, LANG)

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 usage or I/O failure.
`;
}

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'min-severity': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  concurrency: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const FILE_OPTIONS = {
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

function pickLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value === undefined) return envLang(env);
  if (value === 'zh' || value === 'en') return value;
  throw new UsageError(`--lang takes zh or en: ${value}`);
}

/** Standard input, up to the size of the largest file read. */
async function readAll(stream: NodeJS.ReadableStream, lang: Lang): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_FILE_BYTES) throw new UsageError(say(lang, `<stdin>：输入过大（超过 ${MAX_FILE_BYTES >> 20} MiB）`, `<stdin>: input too large (over ${MAX_FILE_BYTES >> 20} MiB)`));
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function readConfigFile(path: string, cwd: string, lang: Lang): Record<string, unknown> {
  const abs = resolve(cwd, path);
  let raw: string;
  try {
    raw = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(say(lang, `无法读取配置文件 ${path}：${(e as Error).message}`, `cannot read the configuration file ${path}: ${(e as Error).message}`));
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(say(lang, `配置文件 ${path} 不是有效的 JSON：${(e as Error).message}`, `the configuration file ${path} is not valid JSON: ${(e as Error).message}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(say(lang, `配置文件 ${path} 应为一个 JSON 对象`, `the configuration file ${path} must hold a JSON object`));
  }
  return value as Record<string, unknown>;
}

function useColor(io: Io, values: { color?: boolean; 'no-color'?: boolean }, toFile: boolean): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (toFile) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return !!io.stdout.isTTY;
}

/** Where rule documentation and the README are, beside the bundle (`dist/..`). */
function packageFile(...parts: string[]): string {
  return join(__dirname, '..', ...parts);
}

function ruleDocMarkdown(id: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  try {
    return readFileSync(packageFile('docs', 'rules', `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, CHECK_OPTIONS);
  const lang = pickLang(values.lang, io.env);
  if (values.help) {
    io.stdout.write(help(lang));
    return EXIT_OK;
  }
  const format = (values.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(say(lang, `--format 只能是 ${FORMATS.join('、')}：${values.format}`, `--format takes ${FORMATS.join(', ')}: ${values.format}`));
  if (values.fix && values['fix-dry-run']) throw new UsageError(say(lang, '--fix 与 --fix-dry-run 不能同时使用', '--fix and --fix-dry-run cannot be used together'));
  if (values.stdin && positionals.length) throw new UsageError(say(lang, '--stdin 不能与文件参数同时使用', '--stdin takes no file arguments'));
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError(say(lang, '--stdin-filename 需配合 --stdin 使用', '--stdin-filename needs --stdin'));
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^-?\d+$/.test(values['max-warnings'])) throw new UsageError(say(lang, `--max-warnings 应为整数：${values['max-warnings']}`, `--max-warnings takes a whole number: ${values['max-warnings']}`));
    maxWarnings = Number(values['max-warnings']);
  }
  let minSeverity: Severity = 'info';
  if (values['min-severity'] !== undefined) {
    if (!['error', 'warning', 'info', 'hint'].includes(values['min-severity'])) {
      throw new UsageError(say(lang, `--min-severity 只能是 error、warning、info、hint：${values['min-severity']}`, `--min-severity takes error, warning, info or hint: ${values['min-severity']}`));
    }
    minSeverity = values['min-severity'] as Severity;
  }
  if (values.quiet) minSeverity = 'error';
  const rules: Record<string, string> = {};
  for (const r of values.rule ?? []) {
    const parsed = parseRuleOption(r, lang);
    if ('error' in parsed) throw new UsageError(parsed.error);
    rules[parsed.id] = parsed.severity;
  }
  let concurrency: number | 'auto' = 'auto';
  const c = values.concurrency;
  if (c !== undefined && c !== 'auto') {
    if (c === 'off') concurrency = 1;
    else if (/^\d+$/.test(c) && Number(c) >= 1 && Number(c) <= 64) concurrency = Number(c);
    else throw new UsageError(say(lang, `--concurrency 只能是 auto、off 或 1–64：${c}`, `--concurrency takes auto, off or 1–64: ${c}`));
  }
  const root = gitRoot(io.cwd) ?? io.cwd;
  const settings = values.config !== undefined ? readConfigFile(values.config, io.cwd, lang) : undefined;
  const fix: FixMode = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none';
  const options: CheckOptions = { lang, folders: settings ? [] : [root], settings, rules, fix, minSeverity };

  let failed = false;
  const fail = (line: string) => {
    failed = true;
    io.stderr.write(`report: ${line}\n`);
  };

  let sources: Source[];
  if (values.stdin) {
    const name = values['stdin-filename'];
    sources = [{ abs: resolve(io.cwd, name ?? '<stdin>'), display: name ?? '<stdin>', bytes: await readAll(io.stdin, lang) }];
  } else {
    const found = discover(positionals.length ? positionals : ['.'], io.cwd, root, !values['no-ignore']);
    for (const e of found.errors) {
      if (e.reason === 'missing') fail(say(lang, `${e.arg}：文件或目录不存在`, `${e.arg}: no such file or directory`));
      else if (e.reason === 'no-reports') fail(say(lang, `${e.arg}：目录中没有报告文件（*.report、*述职报告*.txt、*工作报告*.txt 等）`, `${e.arg}: no report files in this directory (*.report, *述职报告*.txt, *工作报告*.txt …)`));
      else if (e.reason === 'ignored') fail(say(lang, `${e.arg}：其中的报告文件都被 .gitignore 或 .reportignore 忽略了（--no-ignore 可检查它们）`, `${e.arg}: every report file here is ignored by .gitignore or .reportignore (--no-ignore checks them)`));
      else fail(say(lang, `${e.arg}：没有匹配的文件`, `${e.arg}: no files match`));
    }
    sources = found.files.map((f) => ({ abs: f.abs, display: f.display }));
  }

  const threads = concurrency === 'auto' ? autoThreads(sources.length) : concurrency;
  const run = await checkAll(sources, options, threads, io.script);
  for (const w of run.warnings) io.stderr.write(`report: ${w}\n`);
  const results: FileResult[] = run.results;
  for (const r of results) if (r.error) fail(`${r.path}: ${r.error}`);

  const outFile = values['output-file'];
  const stdinFix = values.stdin && fix === 'write';
  let text: string;
  if (format === 'json') text = json(results, version);
  else if (format === 'sarif') {
    text = sarif(results, {
      version,
      lang,
      srcRoot: pathToFileURL(io.cwd + (io.cwd.endsWith('/') ? '' : '/')).toString(),
      informationUri: pathToFileURL(packageFile('README.md')).toString(),
      helpUri: (id) => pathToFileURL(packageFile('docs', 'rules', `${id}.md`)).toString(),
      helpMarkdown: ruleDocMarkdown,
    });
  } else if (format === 'github') text = github(results);
  else text = stylish(results, lang, useColor(io, values, !!outFile || !!stdinFix) ? ANSI : PLAIN, fix);

  if (outFile) {
    try {
      writeFileSync(resolve(io.cwd, outFile), text);
    } catch (e) {
      fail(say(lang, `无法写入 ${outFile}：${(e as Error).message}`, `cannot write ${outFile}: ${(e as Error).message}`));
    }
  } else if (stdinFix) io.stderr.write(text);
  else io.stdout.write(text);
  if (stdinFix && results[0] && !results[0].error) {
    io.stdout.write(results[0].outputBytes ?? sources[0].bytes!);
  }

  if (failed) return EXIT_FAILURE;
  const n = totals(results);
  return n.errors > 0 || (maxWarnings >= 0 && n.warnings > maxWarnings) ? EXIT_PROBLEMS : EXIT_OK;
}

// ---- outline, stats, strip-paid ---------------------------------------------------------------------------

async function openOne(command: string, args: string[], io: Io) {
  const { values, positionals } = parse(args, FILE_OPTIONS);
  const lang = pickLang(values.lang, io.env);
  if (values.help) return { help: true as const, lang };
  if (positionals.length !== 1) throw new UsageError(say(lang, `report ${command} 需要一个文件`, `report ${command} takes one file`));
  if (values.json && command === 'strip-paid') throw new UsageError(say(lang, 'strip-paid 没有 --json 选项', 'strip-paid has no --json option'));
  if (values.output !== undefined && command !== 'strip-paid') throw new UsageError(say(lang, `${command} 没有 -o 选项`, `${command} has no -o option`));
  const file = positionals[0];
  const root = gitRoot(io.cwd) ?? io.cwd;
  const settings = values.config !== undefined ? readConfigFile(values.config, io.cwd, lang) : undefined;
  const options: CheckOptions = { lang, folders: settings ? [] : [root], settings, rules: {}, fix: 'none', minSeverity: 'info' };
  const source: Source = file === '-' ? { abs: resolve(io.cwd, '<stdin>'), display: '<stdin>', bytes: await readAll(io.stdin, lang) } : { abs: resolve(io.cwd, file), display: file };
  const read = await readReport(source, lang);
  if ('error' in read) return { error: `${file}: ${read.error}`, lang };
  const { service, warnings } = createCliService(options);
  const doc = documentOf(source.abs, read.decoded.text);
  const analysis = await service.analyze(doc);
  for (const w of warnings()) io.stderr.write(`report: ${w}\n`);
  return { lang, values, service, doc, analysis, decoded: read.decoded };
}

interface OutlineNode {
  name: string;
  level: number;
  line: number;
  endLine: number;
  chars: number;
  children: OutlineNode[];
}

async function fileCommand(command: 'outline' | 'stats' | 'strip-paid', args: string[], io: Io): Promise<number> {
  const opened = await openOne(command, args, io);
  if ('help' in opened) {
    io.stdout.write(help(opened.lang));
    return EXIT_OK;
  }
  if ('error' in opened) {
    io.stderr.write(`report: ${opened.error}\n`);
    return EXIT_FAILURE;
  }
  const { lang, values, service, doc, analysis, decoded } = opened;
  const model = analysis.model;
  const chars = lang === 'zh' ? '字' : ' chars';
  if (command === 'outline') {
    const node = (s: Section): OutlineNode => ({
      name: s.heading.name,
      level: s.heading.level,
      line: model.lines.lineAt(s.heading.start) + 1,
      endLine: model.lines.lineAt(Math.max(s.heading.start, s.end - 1)) + 1,
      chars: s.chars,
      children: s.children.map(node),
    });
    const sections = model.sections.map(node);
    const title = model.title.map((i) => model.text.slice(model.blocks[i].start, model.blocks[i].end).trim());
    if (values.json) {
      io.stdout.write(JSON.stringify({ title, chars: model.chars, sections }, null, 2) + '\n');
      return EXIT_OK;
    }
    const lines: string[] = [];
    if (title.length) lines.push(title.join(' / '));
    lines.push(lang === 'zh' ? `全文 ${model.chars} 字` : `whole report: ${model.chars} chars`);
    const show = (n: OutlineNode, depth: number) => {
      lines.push(`${'  '.repeat(depth)}${n.name}  (${lang === 'zh' ? `第 ${n.line} 行，` : `line ${n.line}, `}${n.chars}${chars})`);
      for (const c of n.children) show(c, depth + 1);
    };
    for (const s of sections) show(s, 0);
    if (!sections.length) lines.push(say(lang, '（没有找到标题）', '(no headings found)'));
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT_OK;
  }
  if (command === 'stats') {
    const { version: _v, ...stats } = await service.statistics(doc, { uri: doc.uri });
    if (values.json) {
      io.stdout.write(JSON.stringify(stats, null, 2) + '\n');
      return EXIT_OK;
    }
    const pct = (stats.paidShare * 100).toFixed(1);
    const lines =
      lang === 'zh'
        ? [`字数：${stats.chars}`, `付费部分：${stats.paidChars} 字（${pct}%）`, `待填空位：${stats.blanks}`, `标题：${stats.headings}`, `段落：${stats.paragraphs}`]
        : [`characters: ${stats.chars}`, `paid: ${stats.paidChars} chars (${pct}%)`, `blanks to fill: ${stats.blanks}`, `headings: ${stats.headings}`, `paragraphs: ${stats.paragraphs}`];
    const show = (s: (typeof stats.sections)[number], depth: number) => {
      const extra = [s.paidChars ? say(lang, `付费 ${s.paidChars} 字`, `paid ${s.paidChars}`) : '', s.blanks ? say(lang, `空位 ${s.blanks}`, `blanks ${s.blanks}`) : ''].filter(Boolean);
      lines.push(`${'  '.repeat(depth + 1)}${s.name}  ${s.chars}${chars}${extra.length ? (lang === 'zh' ? '，' : ', ') + extra.join(lang === 'zh' ? '，' : ', ') : ''}`);
      for (const c of s.children) show(c, depth + 1);
    };
    if (stats.sections.length) lines.push(say(lang, '各节：', 'sections:'));
    for (const s of stats.sections) show(s, 0);
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT_OK;
  }
  // strip-paid: to a file in the report's own encoding and line endings; to standard output as UTF-8.
  const text = await service.textWithoutPaidMarkers(doc);
  if (values.output !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, values.output), encode(text, decoded.encoding));
    } catch (e) {
      io.stderr.write(`report: ${say(lang, `无法写入 ${values.output}：${(e as Error).message}`, `cannot write ${values.output}: ${(e as Error).message}`)}\n`);
      return EXIT_FAILURE;
    }
  } else io.stdout.write(text);
  return EXIT_OK;
}

// ---- entry --------------------------------------------------------------------------------------------------

export async function main(argv: string[], io: Io): Promise<number> {
  const lang = envLang(io.env);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      const l = rest.includes('--lang') ? pickLang(rest[rest.indexOf('--lang') + 1], io.env) : lang;
      (command === undefined ? io.stderr : io.stdout).write(help(l));
      return command === undefined ? EXIT_FAILURE : EXIT_OK;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout.write(`${version}\n`);
      return EXIT_OK;
    }
    if (command === 'check') return await check(rest, io);
    if (command === 'outline' || command === 'stats' || command === 'strip-paid') return await fileCommand(command, rest, io);
    // The Word writer and reader (docx, mammoth) load only for these two commands.
    if (command === 'export' || command === 'import') return await (await import('./word')).wordCommand(command, rest, io);
    throw new UsageError(say(lang, `未知命令：${command}（可用：check、outline、stats、strip-paid、export、import；report --help 查看用法）`, `unknown command: ${command} (commands: check, outline, stats, strip-paid, export, import; see report --help)`));
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`report: ${e.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr.write(`report: ${say(lang, '内部错误', 'internal error')}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILURE;
  }
}
