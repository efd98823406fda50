import 'reflect-metadata';
import { config } from './config.js';
import { openDatabase } from './db/orm.js';
import { Edition } from './modules/edition/edition.entity.js';
import { createApp } from './app.js';
import { listDemoLogins, loadDemo, printDemoLogins } from './cli/demo.js';
import { purgeExpiredSessions } from './modules/user/user.service.js';
import { recomputed } from './modules/report/precompute.js';

// `pnpm start`: database (embedded unless DATABASE_URL), migrations, demo data when empty, then serve.
const db = await openDatabase({ quiet: true, replica: true });

if ((await db.orm.em.fork().count(Edition)) === 0) {
  const started = Date.now();
  console.log(
    `Empty database: loading demo data (${config.KSP_DEMO_EDITIONS} published editions, ${config.KSP_DEMO_PARTICIPANTS} participants each, the next year in fieldwork and the year after in planning)…`,
  );
  await loadDemo(db.orm, { editions: config.KSP_DEMO_EDITIONS, participants: config.KSP_DEMO_PARTICIPANTS });
  console.log(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

// Sessions that ran out while the server was down.
await purgeExpiredSessions(db.orm.em.fork());

const { app, stop } = await createApp(db, { warmAnswers: config.KSP_WARM_ANSWERS });
const server = app.listen(config.PORT, config.HOST, async () => {
  const logins = await listDemoLogins(db.sql);
  console.log(`\nKSP – Kundeserviceprisen is running at http://localhost:${config.PORT}  (GraphQL: /graphql)`);
  console.log(config.DATABASE_URL ? 'Database: DATABASE_URL' : `Database: embedded PostgreSQL, data in ${config.KSP_DATA_DIR}`);
  if (db.replicaSql) console.log('Reads of the public and managers: the replica DATABASE_REPLICA_URL (docs/operations.md)');
  printDemoLogins(logins);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  server.close();
  await stop();
  await recomputed();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
