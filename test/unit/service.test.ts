// The host-independent service: configuration lookup on URIs, analyses kept only for open documents,
// cancellation, and failures of the host.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, ReportService, type ServiceHost } from '../../server/src/service/service';
import { ancestorsWithin, containingFolder, normalizeFolder } from '../../server/src/service/uris';

function fakeHost(over: Partial<ServiceHost> = {}): ServiceHost & { warnings: string[]; reads: string[] } {
  const warnings: string[] = [];
  const reads: string[] = [];
  return {
    warnings,
    reads,
    getSettings: async () => ({}),
    readFile: async (uri) => {
      reads.push(uri);
      return undefined;
    },
    log: () => undefined,
    warn: (m) => void warnings.push(m),
    ...over,
  };
}

const doc = (uri: string, text: string, version = 1) => TextDocument.create(uri, 'report', version, text);

test('uris: the innermost folder that holds a document, and the folders up to it', () => {
  const folders = ['file:///w', 'file:///w/sub/', 'file:///other'];
  assert.equal(containingFolder('file:///w/a.report', folders), 'file:///w');
  assert.equal(containingFolder('file:///w/sub/x/a.report', folders), 'file:///w/sub/');
  assert.equal(containingFolder('file:///wx/a.report', folders), undefined, 'a prefix of the name is not a parent');
  assert.equal(containingFolder('file:///a.report', folders), undefined);
  assert.equal(containingFolder('untitled:Untitled-1', folders), undefined);
  assert.equal(containingFolder('file:///w/../etc/a.report', folders), undefined, 'dot segments never match');
  assert.equal(containingFolder('file:///w/%2E%2E/etc/a.report', folders), undefined, 'encoded dot segments neither');
  assert.equal(containingFolder('file:///w/a%2F..%2F..%2Fb.report', folders), undefined, 'nor encoded slashes');
  assert.equal(containingFolder('file:///c%3A/w/a.report', ['file:///C:/w']), 'file:///C:/w', 'drive letters without case');
  assert.deepEqual(ancestorsWithin('file:///w/sub/x/a.report', 'file:///w/sub/'), ['file:///w/sub/x', 'file:///w/sub']);
  assert.deepEqual(ancestorsWithin('file:///w/a.report', 'file:///w'), ['file:///w']);
  assert.deepEqual(ancestorsWithin('file:///v/a.report', 'file:///w'), []);
  assert.equal(normalizeFolder('file:///w///'), 'file:///w');
  assert.equal(normalizeFolder('vscode-vfs://github/o/r/'), 'vscode-vfs://github/o/r');
});

test('service: .reportrc.json is looked for only from the document up to its folder', async () => {
  const host = fakeHost();
  const s = new ReportService(host, { lang: 'en' });
  s.setFolders(['file:///w/']);
  await s.configFor('file:///w/a/b/doc.report');
  assert.deepEqual(host.reads, ['file:///w/a/b/.reportrc.json', 'file:///w/a/.reportrc.json', 'file:///w/.reportrc.json']);
  host.reads.length = 0;
  await s.configFor('file:///elsewhere/doc.report');
  assert.deepEqual(host.reads, [], 'outside the folders nothing is read');
  await s.configFor('file:///w/doc.report');
  assert.deepEqual(host.reads, [], 'each folder is read once, until the files change');
  s.filesChanged();
  await s.configFor('file:///w/doc.report');
  assert.deepEqual(host.reads, ['file:///w/.reportrc.json']);
});

test('service: the nearest .reportrc.json wins; an untrusted one may not supply patterns or dictionaries', async () => {
  const files: Record<string, string> = {
    'file:///w/.reportrc.json': JSON.stringify({ rules: { placeholder: 'off' } }),
    'file:///w/sub/.reportrc.json': JSON.stringify({ dictionary: { 按装: '安装' }, placeholders: { patterns: ['待定'] } }),
  };
  const host = fakeHost({ readFile: async (uri) => files[uri] });
  const s = new ReportService(host, { lang: 'en' });
  s.setFolders(['file:///w']);
  let { config } = await s.configFor('file:///w/sub/doc.report');
  assert.equal(config.dictionary.get('按装'), '安装');
  assert.equal(config.parse.placeholderPatterns.length, 1);
  assert.equal(config.rules.get('placeholder'), undefined, 'only the nearest file applies');
  s.setTrusted(false);
  ({ config } = await s.configFor('file:///w/sub/doc.report'));
  assert.equal(config.dictionary.size, 0, 'no dictionary from an untrusted workspace');
  assert.equal(config.parse.placeholderPatterns.length, 0, 'no patterns from an untrusted workspace');
  ({ config } = await s.configFor('file:///w/doc.report'));
  assert.equal(config.rules.get('placeholder'), 'off', 'severities still apply');
});

test('service: a document closed while its configuration is pending keeps nothing', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const host = fakeHost({ getSettings: async () => (await gate, {}) });
  const s = new ReportService(host, { lang: 'en' });
  const uris = Array.from({ length: 20 }, (_, i) => `file:///w/${i}.report`);
  const pending = uris.map((u) => {
    s.opened(u);
    return s.diagnostics(doc(u, '一、标题\n正文x%。\n'));
  });
  for (const u of uris) s.closed(u);
  release();
  const results = await Promise.all(pending);
  assert.ok(results.every((r) => r.length > 0), 'the requests are still answered');
  assert.deepEqual(s.retained, { analyses: 0, configs: 0 }, 'nothing is kept for closed documents');
  // Open documents keep their analysis.
  s.opened('file:///w/open.report');
  await s.diagnostics(doc('file:///w/open.report', '一、标题\n'));
  assert.equal(s.retained.analyses, 1);
});

test('service: same version, new text: a new analysis', async () => {
  const s = new ReportService(fakeHost(), { lang: 'en' });
  s.opened('file:///a.report');
  const a = await s.analyze(doc('file:///a.report', '一、甲\n'));
  const b = await s.analyze(doc('file:///a.report', '一、乙\n'));
  assert.notEqual(a, b);
  assert.equal(b.model.headings[0].name ?? b.text.slice(b.model.headings[0].start, b.model.headings[0].end).trim(), b.model.headings[0].name ?? '一、乙');
  assert.equal(await s.analyze(doc('file:///a.report', '一、乙\n')), b, 'the same text reuses the analysis');
});

test('service: a cancelled lint throws CancelledError and keeps nothing partial', async () => {
  const s = new ReportService(fakeHost(), { lang: 'en' });
  const d = doc('file:///big.report', '一、标题,正文x%!!\n'.repeat(3000));
  s.opened(d.uri);
  const token = { isCancellationRequested: true };
  await assert.rejects(s.diagnostics(d, token), CancelledError);
  const analysis = await s.analyze(d);
  assert.equal(analysis.linted, false, 'no partial problems were kept');
  assert.ok((await s.diagnostics(d)).length > 0);
});

test('service: a host whose settings fail, or whose files throw, still gets answers', async () => {
  const host = fakeHost({
    getSettings: async () => {
      throw new Error('no settings');
    },
    readFile: async () => {
      throw new Error('disk on fire');
    },
  });
  const s = new ReportService(host, { lang: 'zh' });
  s.setFolders(['file:///w']);
  const ds = await s.diagnostics(doc('file:///w/a.report', '一、标题\n完成x%。\n'));
  assert.ok(ds.some((d) => d.code === 'placeholder'));
});

test('service: a .reportrc.json that is not an object, or not JSON, is reported once', async () => {
  const host = fakeHost({ readFile: async (uri) => (uri.endsWith('w/.reportrc.json') ? '{ not json' : undefined) });
  const s = new ReportService(host, { lang: 'en' });
  s.setFolders(['file:///w']);
  await s.configFor('file:///w/a.report');
  await s.configFor('file:///w/b.report');
  assert.equal(host.warnings.length, 1);
  assert.match(host.warnings[0], /cannot read file:\/\/\/w\/\.reportrc\.json/);
});
