// For the MikroORM CLI (pnpm --filter @ksp/server migration:create).
import { config } from './src/config.js';
import { ormOptions } from './src/db/orm.js';

export default { ...ormOptions(config.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${config.KSP_PG_PORT}/ksp`), preferTs: true };
