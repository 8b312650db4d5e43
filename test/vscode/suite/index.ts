// Entry point of the integration suites that run inside a real VS Code extension host
// (desktop VS Code via @vscode/test-electron, or code-server; see test/vscode/run.mjs).
// Runs every `*.test.js` file next to this module (recursively) with mocha.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => join(dir, f));
}

export function run(): Promise<void> {
  const grep = process.env.REPORT_VSCODE_GREP;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 60000,
    reporter: 'spec',
    ...(grep ? { grep } : {}),
  });

  const files = testFiles(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files under ${__dirname}`));
  for (const file of files) mocha.addFile(file);

  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test${failures === 1 ? '' : 's'} failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
