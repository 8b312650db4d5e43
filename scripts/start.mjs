#!/usr/bin/env node
// `npm start`: builds the extension and opens VS Code with it loaded in development mode on the
// repo's examples/ folder (the repo itself when there is no examples/ folder).
//
// - With a desktop VS Code (`code` on PATH, or VSCODE_EXECUTABLE_PATH): runs
//   `code --extensionDevelopmentPath=<repo> <repo>/examples` and returns.
// - Otherwise: starts code-server from the repo's .cache (installed on first use) on 127.0.0.1,
//   prints the URL to open in a browser, and stays in the foreground until Ctrl-C.
//
// Environment: REPORT_VSCODE_RUNNER=code-server forces code-server; PORT picks its port
// (default 8080, or a free one when 8080 is taken). Rebuild with `npm run build` (or keep
// `npm run watch` running) and use "Developer: Reload Window" to pick up changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  InstallError,
  cacheDir,
  ensureCodeServer,
  findDesktopVSCode,
  freePort,
  remoteUri,
  startCodeServer,
  workbenchUrl,
} from './install-code-server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`[start] ${msg}`);

function fail(msg) {
  console.error(`[start] ${msg}`);
  process.exit(1);
}

say('building…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) fail('build failed');

let folder = join(repoRoot, 'examples');
if (!existsSync(folder)) {
  say(`no ${folder}; opening the repository folder instead`);
  folder = repoRoot;
}

const forced = process.env.REPORT_VSCODE_RUNNER;
const desktop = forced === 'code-server' ? undefined : findDesktopVSCode();

if (desktop) {
  // The CLI when there is one (it hands over to a running VS Code); else the executable itself.
  const cmd = desktop.cli ?? desktop.executable;
  say(`opening desktop VS Code: ${cmd}`);
  const r = spawnSync(cmd, [`--extensionDevelopmentPath=${repoRoot}`, folder], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(r.status ?? 1);
}

let paths;
try {
  paths = ensureCodeServer({ quiet: true });
} catch (err) {
  fail(err instanceof InstallError ? `cannot install code-server: ${err.message}` : String(err?.stack ?? err));
}

const port = await freePort(Number(process.env.PORT ?? 8080));
// User data persists in the cache between runs (settings, opened editors).
const dataDir = join(cacheDir, 'start');
mkdirSync(dataDir, { recursive: true });

let server;
try {
  server = await startCodeServer({ paths, dataDir, port, output: 'inherit' });
} catch (err) {
  fail(err instanceof InstallError ? err.message : String(err?.stack ?? err));
}

let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  say('stopping code-server…');
  await server.stop();
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(0));
process.on('exit', () => server.killNow());
server.exited.then((info) => {
  if (!stopping) {
    console.error(`[start] code-server exited (code ${info.code}, signal ${info.signal})`);
    stop(1);
  }
});

const url = workbenchUrl(server.base, folder, [['extensionDevelopmentPath', remoteUri(repoRoot)]]);
console.log('');
say('VS Code (code-server) with the extension in development mode is running. Open:');
console.log(`\n    ${url}\n`);
say('Press Ctrl-C to stop.');
// Keep the event loop alive until a signal arrives.
setInterval(() => {}, 1 << 30);
