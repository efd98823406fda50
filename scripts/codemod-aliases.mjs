#!/usr/bin/env node
// Rewrites deep relative imports (three or more `../`) into the path aliases of the root
// tsconfig.json: `@server/…` (server/src), `@server/test/…` (server/test), `@web/…` (web/src).
// Idempotent: a second run changes nothing. Run it after merging code that still climbs:
//
//   node scripts/codemod-aliases.mjs            rewrite in place, list the files changed
//   node scripts/codemod-aliases.mjs --check    change nothing, exit 1 if a file would change
//   node scripts/codemod-aliases.mjs --depth 2  also rewrite `../../` imports
//
// It reads the files git knows (tracked, and untracked but not ignored), so generated code,
// node_modules and build output are left alone. Specifiers are rewritten in `from '…'`,
// `import '…'`, `import('…')` and vitest's `vi.mock('…')` family; the extension stays as written
// (`.js` on the server, none in web).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const depthArg = args.indexOf('--depth');
const depth = depthArg >= 0 ? Number(args[depthArg + 1]) : 3;
if (!Number.isInteger(depth) || depth < 1) throw new Error('--depth takes a whole number of 1 or more');

// The most specific folder first, as TypeScript picks the longest matching prefix.
const ALIASES = [
  { dir: 'server/test/', alias: '@server/test/' },
  { dir: 'server/src/', alias: '@server/' },
  { dir: 'web/src/', alias: '@web/' },
];
const SKIP = [/^wip\//, /^web\/src\/graphql\/generated\//, /(^|\/)node_modules\//, /(^|\/)dist\//];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

const ladder = `(?:\\.\\./){${depth},}`;
const SPECIFIER = new RegExp(
  `((?:\\bfrom|\\bimport)\\s*\\(?\\s*|\\bvi\\.(?:mock|doMock|unmock|doUnmock|importActual|importMock)\\(\\s*)(['"])(${ladder}[^'"\\n]*)\\2`,
  'g',
);

/** The alias for an absolute path, or undefined when it lies outside every aliased folder. */
function aliased(target) {
  const rel = path.relative(root, target).split(path.sep).join('/');
  for (const { dir, alias } of ALIASES) {
    if (rel.startsWith(dir)) return alias + rel.slice(dir.length);
  }
  return undefined;
}

const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && SOURCE.test(f) && !SKIP.some((re) => re.test(f)) && fs.existsSync(path.join(root, f)));

const changed = [];
const left = [];
for (const file of files) {
  const abs = path.join(root, file);
  const before = fs.readFileSync(abs, 'utf8');
  const after = before.replace(SPECIFIER, (whole, lead, quote, spec) => {
    const target = path.resolve(path.dirname(abs), spec);
    // The alias of a folder itself (`../../../app`) would need `@web/app` with no `/`: keep the
    // pattern `@web/*` by rewriting only paths inside an aliased folder.
    const to = aliased(target);
    if (!to || to.endsWith('/')) {
      left.push(`${file}: ${spec}`);
      return whole;
    }
    return `${lead}${quote}${to}${quote}`;
  });
  if (after !== before) {
    changed.push(file);
    if (!check) fs.writeFileSync(abs, after);
  }
}

for (const file of changed) console.log(`${check ? 'would rewrite' : 'rewrote'} ${file}`);
for (const l of left) console.warn(`left as it is (no alias reaches it): ${l}`);
console.log(`${changed.length} file(s) ${check ? 'to rewrite' : 'rewritten'}.`);
if (check && changed.length) process.exit(1);
