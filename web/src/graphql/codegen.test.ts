// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig } from '../../codegen';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the generated GraphQL types (src/graphql/generated)', () => {
  it('are what schema.graphql and the documents in src/ generate (run `pnpm codegen` after changing either)', async () => {
    const outputs = await generate({ ...codegenConfig, cwd: WEB_DIR, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const file = path.resolve(WEB_DIR, output.filename);
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)';
      expect(committed, `${path.relative(WEB_DIR, file)} is stale: run pnpm codegen`).toBe(output.content);
    }
  }, 60_000);
});
