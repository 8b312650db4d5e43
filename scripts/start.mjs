#!/usr/bin/env node
// `npm start`: builds the extension and opens VS Code with it loaded in development mode on the
// repo's examples/ folder (the repo itself when there is no examples/ folder).
//
// - With a desktop VS Code (`code` on PATH, or VSCODE_EXECUTABLE_PATH): runs
//   `code --extensionDevelopmentPath=<repo> <repo>/examples` and returns.
// - Otherwise: code-server from the cache (.cache/, or REPORT_CODE_SERVER_CACHE). The first run installs
//   Node 24 and code-server there (it says so, and shows progress: elapsed time and megabytes so far).
//   code-server listens on an internal port and writes its log to a file; `npm start` serves the printed
//   address (127.0.0.1:8080, or PORT, or a free port) in front of it: the plain address redirects to the
//   workbench with the extension loaded, everything else is passed through. Stays in the foreground
//   until Ctrl-C.
//
// Environment: REPORT_VSCODE_RUNNER=code-server forces code-server; PORT picks the port. Rebuild with
// `npm run build` (or keep `npm run watch` running) and use "Developer: Reload Window" to pick up changes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, lstatSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  InstallError,
  cacheDir,
  ensureCodeServer,
  findDesktopVSCode,
  freePort,
  missingParts,
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

say('building the extension…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
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

/** Bytes under a folder (symbolic links not followed); a folder that vanishes meanwhile counts 0. */
function sizeOf(dir) {
  let total = 0;
  const todo = [dir];
  while (todo.length) {
    const d = todo.pop();
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) todo.push(p);
      else {
        try {
          total += lstatSync(p).size;
        } catch {
          /* gone */
        }
      }
    }
  }
  return total;
}

/** Runs the installer as a child process, printing elapsed time and megabytes written while it works. */
async function installWithProgress(parts) {
  say('no desktop VS Code found: using code-server in the browser. This first run installs, once:');
  for (const p of parts) say(`  - ${p}`);
  say(`into ${cacheDir} (later runs start in seconds; delete that folder to remove it).`);
  const before = sizeOf(cacheDir);
  const started = Date.now();
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'install-code-server.mjs')], { stdio: 'inherit' });
  const tty = process.stdout.isTTY;
  let last = 0;
  const tick = setInterval(() => {
    const s = Math.round((Date.now() - started) / 1000);
    const mb = Math.max(0, (sizeOf(cacheDir) - before) / 1e6).toFixed(0);
    const line = `[start] installing… ${s} s, ${mb} MB written so far`;
    if (tty) process.stdout.write(`\r${line}\x1b[K`);
    else if (s - last >= 30) {
      last = s;
      console.log(line);
    }
  }, tty ? 2000 : 5000);
  const code = await new Promise((res) => child.once('exit', (c) => res(c ?? 1)));
  clearInterval(tick);
  if (tty) process.stdout.write('\r\x1b[K');
  if (code !== 0) fail('the code-server installation failed (see above); run `npm start` again to retry');
  say(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

const missing = missingParts();
if (missing.length) await installWithProgress(missing);

let paths;
try {
  paths = ensureCodeServer({ quiet: true });
} catch (err) {
  fail(err instanceof InstallError ? `cannot install code-server: ${err.message}` : String(err?.stack ?? err));
}

const port = await freePort(Number(process.env.PORT ?? 8080));
const internalPort = await freePort(0);
// User data persists in the cache between runs (settings, opened editors).
const dataDir = join(cacheDir, 'start');
mkdirSync(dataDir, { recursive: true });

// code-server takes PORT from the environment over its --bind-addr: it must not see ours.
delete process.env.PORT;
// Until the server answers, Ctrl-C stops its process group (started detached, it would outlive us).
let startingGroup;
const stopStarting = () => {
  if (startingGroup) {
    try {
      process.kill(-startingGroup, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  process.exit(130);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, stopStarting);

say('starting code-server…');
let server;
try {
  server = await startCodeServer({ paths, dataDir, port: internalPort, output: 'file', onSpawn: (pgid) => (startingGroup = pgid) });
} catch (err) {
  fail(err instanceof InstallError ? err.message : String(err?.stack ?? err));
}
process.on('exit', () => server.killNow());

// The workbench with the extension: its path and query, served at the plain address by a redirect.
const target = new URL(workbenchUrl(server.base, folder, [['extensionDevelopmentPath', remoteUri(repoRoot)]]));
const withExtension = `${target.pathname}${target.search}`;

const front = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname === '/' && !url.search) {
    res.writeHead(302, { Location: withExtension, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const up = http.request(
    { host: '127.0.0.1', port: internalPort, method: req.method, path: req.url, headers: req.headers },
    (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(up);
});
// WebSockets (the workbench's connection to the server): the raw upgrade request, then both ways.
front.on('upgrade', (req, socket, head) => {
  const up = net.connect(internalPort, '127.0.0.1', () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    up.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head?.length) up.write(head);
    up.pipe(socket);
    socket.pipe(up);
  });
  const close = () => {
    up.destroy();
    socket.destroy();
  };
  up.on('error', close);
  socket.on('error', close);
});
await new Promise((res, rej) => {
  front.once('error', rej);
  front.listen(port, '127.0.0.1', res);
}).catch((err) => fail(`cannot listen on 127.0.0.1:${port}: ${err.message}`));

let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  say('stopping code-server…');
  front.close();
  await server.stop();
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.off(sig, stopStarting);
  process.on(sig, () => stop(0));
}
server.exited.then((info) => {
  if (!stopping) {
    console.error(`[start] code-server exited (code ${info.code}, signal ${info.signal}); its log: ${server.logFile}`);
    stop(1);
  }
});

const address = `http://127.0.0.1:${port}/`;
say(`code-server's log: ${server.logFile}`);
say('after `npm run build`, run "Developer: Reload Window" in VS Code to load the changes; Ctrl-C stops.');
console.log('');
console.log(`VS Code with the extension (development mode), on ${folder}:`);
console.log('');
console.log(`    ${address}`);
console.log('');
// Keep the event loop alive until a signal arrives.
setInterval(() => {}, 1 << 30);
