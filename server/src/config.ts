import { fileURLToPath } from 'node:url';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** The repository root, so commands behave the same from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Which proxies Express believes about the client's address (its `trust proxy` setting). */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * KSP_TRUST_PROXY, in what Express's `trust proxy` takes: unset, empty or `false` trusts no proxy
 * (the default); a number trusts that many hops in front of the server; otherwise a
 * comma-separated list of proxy addresses, subnets (`10.0.0.0/8`, `fd00::/8`) and the names
 * `loopback`, `linklocal`, `uniquelocal`. `true` (every hop) is refused: with it any client
 * names its own address.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true')
    throw new Error(
      'true would believe any client about its address: give the number of proxies in front of the server, or their addresses',
    );
  return value.split(',').map((entry) => {
    const item = entry.trim();
    if (PROXY_NAMES.has(item)) return item;
    const [address = '', bits, ...rest] = item.split('/');
    const family = net.isIP(address);
    const max = family === 4 ? 32 : 128;
    if (!family || rest.length || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new Error(`"${item}" is not an address, a subnet (address/bits) or one of loopback, linklocal, uniquelocal`);
    }
    return item;
  });
}

/** The most demo editions one load may ask for. */
export const MAX_DEMO_EDITIONS = 30;

const MiB = 1024 * 1024;

/**
 * The largest file `ksp import` reads, by kind, refused before it is read. Far above a real
 * edition (192 participants × 25 inquiries, exported: a few MB), and low enough to bound the
 * import's memory: the files are parsed whole (sizes and memory measured: bench/RESULTS.md,
 * "Measured by hand"). The observer pool (`ksp observers import`, about 6,000 rows of some 100
 * bytes) is under 1 MB.
 * KSP_IMPORT_MAX_BYTES replaces them all.
 */
export const IMPORT_FILE_LIMITS = { questionnaire: 4 * MiB, participants: 4 * MiB, responses: 64 * MiB, observers: 8 * MiB } as const;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** An external PostgreSQL; when absent the embedded one under KSP_DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * A streaming replica of that database: the API's reads that may lag go there (read-routing.ts
   * says which); everything else, every write and every `ksp` command use the primary.
   */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  KSP_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  KSP_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Demo editions loaded into an empty database; up to 30 (the benchmark loads 20). */
  KSP_DEMO_EDITIONS: z.coerce.number().int().min(1).max(MAX_DEMO_EDITIONS).default(3),
  KSP_DEMO_PARTICIPANTS: z.coerce.number().int().min(8).max(2000).default(192),
  KSP_WEB_DIST: z.string().default(path.join(REPO_ROOT, 'web/dist')),
  KSP_LOG_SQL: z.stringbool().default(false),
  /** The whole-response cache of GraphQL queries (graphql/response-cache.ts), in MiB; 0 turns it off. */
  KSP_RESPONSE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  /** Compute every bought report's first views ahead, for results day (graphql/warm-answers.ts); `pnpm start` only. */
  KSP_WARM_ANSWERS: z.stringbool().default(true),
  /** Stored report sections kept parsed in memory (report/published-sections.ts), in MiB of their JSON text; 0 turns it off. */
  KSP_SECTION_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  /**
   * Proxies whose X-Forwarded-For names the client (see parseTrustProxy); none by default. The
   * client's address is what the sign-in limits count, so a trusted hop that is not a proxy
   * of ours lets any client choose a fresh address for every guess.
   */
  KSP_TRUST_PROXY: z
    .string()
    .optional()
    .transform((text, ctx): TrustProxy => {
      try {
        return parseTrustProxy(text);
      } catch (e) {
        ctx.issues.push({ code: 'custom', message: (e as Error).message, input: text });
        return z.NEVER;
      }
    }),
  /** The size limit of every `ksp import` file in bytes, instead of IMPORT_FILE_LIMITS (tests set a small one). */
  KSP_IMPORT_MAX_BYTES: z.coerce.number().int().min(1).optional(),
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
