// Where the Node server links a diagnostic's rule page: under the base the client gives (the VS Code client
// serves the pages itself, report-rule:/…), else the page beside the server (docs/rules/, for other editors).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { start } from './harness';

type Linked = { code: string; codeDescription?: { href: string } };

async function blankLink(initializationOptions?: Record<string, unknown>): Promise<string | undefined> {
  const s = await start({ initializationOptions });
  try {
    const uri = await s.open('标题\n全年完成任务xx项。\n');
    const blank = ((await s.diagnostics(uri)) as unknown as Linked[]).find((d) => d.code === 'placeholder');
    assert.ok(blank, 'a blank is found');
    return blank.codeDescription?.href;
  } finally {
    await s.close();
  }
}

test('with ruleDocsUri from the client, the link is under it', async () => {
  assert.equal(await blankLink({ ruleDocsUri: 'report-rule:/' }), 'report-rule:/placeholder.md');
  assert.equal(await blankLink({ ruleDocsUri: 'https://host.example/docs/rules/' }), 'https://host.example/docs/rules/placeholder.md');
});

test('without one (or with one that is not a URI), the link is the page beside the server', async () => {
  for (const options of [undefined, { ruleDocsUri: 'not a uri' }, { ruleDocsUri: 42 }]) {
    const href = await blankLink(options);
    assert.match(href ?? '', /^file:\/\/.*\/docs\/rules\/placeholder\.md$/, JSON.stringify(options));
    assert.ok(existsSync(fileURLToPath(href!)), href);
  }
});
