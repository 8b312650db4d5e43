// Generates everything that lists the rules from the rules' own metadata: the `report.rules.<id>`
// settings in package.json, their localized descriptions (package.nls*.json), the JSON schema of
// .reportrc.json, and the rule table in README.md. With --check, fails when any of them is stale.

import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const check = process.argv.includes('--check');
const require = createRequire(import.meta.url);
mkdirSync('out/scripts', { recursive: true });
await esbuild.build({
  entryPoints: ['server/src/core/rules/index.ts'],
  bundle: true, platform: 'node', format: 'cjs', outfile: 'out/scripts/rules.cjs', logLevel: 'warning',
});
const { RULES } = require('../out/scripts/rules.cjs');
const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const CATEGORY = {
  encoding: ['文件编码', 'Encoding'],
  headings: ['标题编号', 'Headings'], paid: ['付费标记', 'Paid markers'], blanks: ['待填空白', 'Blanks'],
  punctuation: ['标点符号', 'Punctuation'], numbers: ['数字与空格', 'Numbers and spacing'], words: ['词语', 'Words'],
};

const stale = [];
function update(path, next) {
  const prev = (() => { try { return readFileSync(path, 'utf8'); } catch { return ''; } })();
  if (prev === next) return;
  if (check) stale.push(path);
  else writeFileSync(path, next);
}
const json = (o) => JSON.stringify(o, null, 2) + '\n';

// package.json: one setting per rule, after the hand-written ones.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = pkg.contributes.configuration.properties;
for (const k of Object.keys(props)) if (k.startsWith('report.rules.')) delete props[k];
for (const r of RULES) {
  props[`report.rules.${r.meta.id}`] = {
    type: 'string',
    enum: SEVERITIES,
    enumDescriptions: SEVERITIES.map((s) => `%severity.${s}%`),
    default: r.meta.defaultSeverity,
    scope: 'resource',
    markdownDescription: `%rule.${r.meta.id}%`,
  };
}
update('package.json', json(pkg));

// Localized descriptions.
for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh']]) {
  const nls = JSON.parse(readFileSync(file, 'utf8'));
  for (const k of Object.keys(nls)) if (k.startsWith('rule.')) delete nls[k];
  for (const r of RULES) {
    const fixable = r.meta.fixable ? (lang === 'zh' ? '（可自动修复）' : ' (auto-fixable)') : '';
    const docs = lang === 'zh' ? `说明：docs/rules/${r.meta.id}.md` : `Documentation: docs/rules/${r.meta.id}.md`;
    nls[`rule.${r.meta.id}`] = `**${r.meta.title[lang]}**${fixable} — ${r.meta.description[lang]} (${docs})`;
  }
  update(file, json(nls));
}

// The schema of .reportrc.json.
const ruleProps = Object.fromEntries(
  RULES.map((r) => [r.meta.id, { enum: SEVERITIES, default: r.meta.defaultSeverity, description: `${r.meta.title.zh} / ${r.meta.title.en}` }]),
);
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: '.reportrc.json',
  description: '报告检查配置 / Work report checker configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'object', description: '规则严重级别 / Rule severities', properties: ruleProps, additionalProperties: false },
    placeholders: {
      type: 'object', additionalProperties: false,
      properties: { patterns: { type: 'array', items: { type: 'string', format: 'regex' }, description: '额外的待填空白正则表达式 / Extra patterns for blanks to fill' } },
    },
    paidMarkers: {
      type: 'object', additionalProperties: false,
      properties: Object.fromEntries(['begin', 'end', 'pagebreak'].map((k) => [k, { type: 'array', items: { type: 'string', minLength: 1 }, description: `${k} marker spellings` }])),
    },
    dictionary: { type: 'object', additionalProperties: { type: 'string' }, description: '用户词典：错误写法 → 正确写法 / User dictionary: wrong → right' },
  },
};
mkdirSync('schemas', { recursive: true });
update('schemas/reportrc.schema.json', json(schema));

// README rule table.
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a >= 0 && b > a) {
  const rows = ['| Rule | 规则 | Category | Default | Fix |', '| --- | --- | --- | --- | --- |'];
  for (const r of RULES) {
    rows.push(`| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.title.zh} | ${CATEGORY[r.meta.category]?.[1] ?? r.meta.category} | ${r.meta.defaultSeverity} | ${r.meta.fixable ? '✔' : ''} |`);
  }
  update('README.md', readme.slice(0, a + start.length) + '\n' + rows.join('\n') + '\n' + readme.slice(b));
}

if (stale.length) {
  console.error(`Generated files are out of date: ${stale.join(', ')}. Run: node scripts/gen-manifest.mjs`);
  process.exit(1);
}
