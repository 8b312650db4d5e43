// `report export FILE -o OUT.docx` writes a report as a Word document in the GB/T 9704 layout (the same
// writer as the editor's *Export to Word*); blanks left to fill stop it unless --allow-blanks is given.
// `report import IN.docx [-o OUT]` reads a Word document as report text (UTF-8).

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { langOf, t, type Lang } from '../core/i18n';
import { msg } from '../core/rules/types';
import { exportDocx } from '../export/docx';
import { importDocx, MAX_IMPORT_BYTES } from '../export/import';
import { resolveExportOptions } from '../export/options';
import { createCliService, documentOf, readReport, type CheckOptions } from './check';
import { gitRoot } from './discover';

export interface WordIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const say = (lang: Lang, zh: string, en: string) => t(msg(zh, en), lang);

/** Runs `report export` or `report import`; returns the exit code (0 done, 1 blanks left, 2 usage or I/O error). */
export async function wordCommand(command: 'export' | 'import', args: string[], io: WordIo): Promise<number> {
  let values: { output?: string; 'allow-blanks'?: boolean; config?: string; lang?: string; help?: boolean };
  let positionals: string[];
  const envLang = langOf(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        'allow-blanks': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr.write(`report: ${(e as Error).message}\n`);
    return 2;
  }
  const lang: Lang = values.lang === 'zh' || values.lang === 'en' ? values.lang : envLang;
  const fail = (zh: string, en: string) => {
    io.stderr.write(`report: ${say(lang, zh, en)}\n`);
    return 2;
  };
  if (values.help) {
    io.stdout.write(
      command === 'export'
        ? say(lang, 'report export 文件 -o 输出.docx [--allow-blanks] [-c 配置文件]：按 GB/T 9704 版式导出为 Word 文档\n', 'report export FILE -o OUT.docx [--allow-blanks] [-c FILE]: the report as a Word document in the GB/T 9704 layout\n')
        : say(lang, 'report import 文件.docx [-o 输出文件]：把 Word 文档转成报告文本\n', 'report import FILE.docx [-o OUT]: a Word document as report text\n'),
    );
    return 0;
  }
  if (positionals.length !== 1) return fail(`report ${command} 需要一个文件`, `report ${command} takes one file`);
  const file = positionals[0];

  if (command === 'import') {
    if (values['allow-blanks']) return fail('import 没有 --allow-blanks 选项', 'import has no --allow-blanks option');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(resolve(io.cwd, file));
    } catch (e) {
      return fail(`无法读取 ${file}：${(e as Error).message}`, `cannot read ${file}: ${(e as Error).message}`);
    }
    if (bytes.length > MAX_IMPORT_BYTES) return fail(`${file} 太大`, `${file} is too large`);
    let result;
    try {
      result = await importDocx(bytes);
    } catch (e) {
      return fail(`${file}：${(e as Error).message}`, `${file}: ${(e as Error).message}`);
    }
    if (result.images) io.stderr.write(`report: ${say(lang, `略去 ${result.images} 张图片（以“〔图片已略去〕”标出）`, `${result.images} image(s) left out (marked 〔图片已略去〕)`)}\n`);
    if (values.output === undefined) io.stdout.write(result.text);
    else {
      try {
        writeFileSync(resolve(io.cwd, values.output), result.text);
      } catch (e) {
        return fail(`无法写入 ${values.output}：${(e as Error).message}`, `cannot write ${values.output}: ${(e as Error).message}`);
      }
    }
    return 0;
  }

  if (values.output === undefined) return fail('report export 需要 -o 输出.docx', 'report export needs -o OUT.docx');
  let settings: Record<string, unknown> | undefined;
  if (values.config !== undefined) {
    try {
      settings = JSON.parse(readFileSync(resolve(io.cwd, values.config), 'utf8')) as Record<string, unknown>;
    } catch (e) {
      return fail(`无法读取配置文件 ${values.config}：${(e as Error).message}`, `cannot read the configuration ${values.config}: ${(e as Error).message}`);
    }
  }
  const abs = resolve(io.cwd, file);
  const read = await readReport({ abs, display: file }, lang);
  if ('error' in read) return fail(`${file}：${read.error}`, `${file}: ${read.error}`);
  const root = gitRoot(io.cwd) ?? io.cwd;
  const options: CheckOptions = { lang, folders: settings ? [] : [root], settings, rules: {}, fix: 'none', minSeverity: 'info' };
  const { service, warnings } = createCliService(options);
  const analysis = await service.analyze(documentOf(abs, read.decoded.text));
  for (const w of warnings()) io.stderr.write(`report: ${w}\n`);
  const model = analysis.model;
  if (model.placeholders.length && !values['allow-blanks']) {
    const first = model.placeholders[0];
    const line = model.lines.lineAt(first.start) + 1;
    io.stderr.write(
      `report: ${say(
        lang,
        `${file} 还有 ${model.placeholders.length} 处待填空白（第一处在第 ${line} 行：“${first.raw}”）；填好后再导出，或加 --allow-blanks`,
        `${file} has ${model.placeholders.length} blank(s) left to fill (the first on line ${line}: "${first.raw}"); fill them in, or pass --allow-blanks`,
      )}\n`,
    );
    return 1;
  }
  const bytes = await exportDocx(model, resolveExportOptions((settings as { export?: unknown } | undefined)?.export));
  try {
    writeFileSync(resolve(io.cwd, values.output), bytes);
  } catch (e) {
    return fail(`无法写入 ${values.output}：${(e as Error).message}`, `cannot write ${values.output}: ${(e as Error).message}`);
  }
  return 0;
}
