import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

/** The repository root, so commands behave the same from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The most demo editions one load may ask for. */
export const MAX_DEMO_EDITIONS = 30;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** An external PostgreSQL; when absent the embedded one under KSP_DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  KSP_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  KSP_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Demo editions loaded into an empty database; up to 30 (the benchmark loads 20). */
  KSP_DEMO_EDITIONS: z.coerce.number().int().min(1).max(MAX_DEMO_EDITIONS).default(3),
  KSP_DEMO_PARTICIPANTS: z.coerce.number().int().min(8).max(2000).default(192),
  KSP_WEB_DIST: z.string().default(path.join(REPO_ROOT, 'web/dist')),
  KSP_LOG_SQL: z.stringbool().default(false),
  /** Where the user typed the command: pnpm runs scripts in the package folder and passes this along. */
  INIT_CWD: z.string().default(process.cwd()),
});

export type Config = z.infer<typeof schema>;

function load(): Config {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  config.KSP_DATA_DIR = path.resolve(config.KSP_DATA_DIR);
  return config;
}

/** Read and validated once; nothing else reads process.env. */
export const config: Config = load();
