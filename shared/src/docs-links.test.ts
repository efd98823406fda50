import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The project's own docs link into the code and into each other: every relative link must
// lead somewhere, so a moved file or a renamed heading breaks this test, not a reader's trust.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function markdownFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', 'bench/RESULTS.md', ...docs.sort()];
}

/** The text outside fenced code blocks and inline code, where a `[..](..)` is not a link. */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets: `[text](target)` and `![alt](target)`, an optional "title" dropped. */
function linkTargets(text: string): string[] {
  const out: string[] = [];
  for (const m of prose(text).matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]!);
  return out;
}

/** GitHub's anchors of a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = m[1]!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

describe('links in README.md, docs/ and bench/RESULTS.md', () => {
  it('the helpers read links and headings as GitHub does', () => {
    expect(linkTargets('see [a](docs/a.md#x) and ![p](docs/p.png "t"), not `[b](nowhere.md)`\n```\n[c](gone.md)\n```\n')).toEqual([
      'docs/a.md#x',
      'docs/p.png',
    ]);
    expect([...headingAnchors('# Administration: `pnpm ksp`\n## Speed\n## Speed\n### Roles & grants (the policy)\n')]).toEqual([
      'administration-pnpm-ksp',
      'speed',
      'speed-1',
      'roles--grants-the-policy',
    ]);
  });

  for (const file of markdownFiles()) {
    it(`${file}: every relative link leads to a file, and every #anchor to a heading`, () => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const broken: string[] = [];
      for (const target of linkTargets(text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
        const [rawPath, anchor] = target.split('#', 2) as [string, string | undefined];
        const filePath = decodeURIComponent(rawPath);
        const resolved = filePath ? path.resolve(path.dirname(path.join(ROOT, file)), filePath) : path.join(ROOT, file);
        if (!resolved.startsWith(ROOT + path.sep)) {
          broken.push(`${target} (outside the repository)`);
          continue;
        }
        if (!fs.existsSync(resolved)) {
          broken.push(`${target} (no such file)`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push(`${target} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
