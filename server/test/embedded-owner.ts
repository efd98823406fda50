// A process that owns an embedded PostgreSQL, as `pnpm start` does, for the lifetime tests
// (db/embedded.int.test.ts): `node --import tsx embedded-owner.ts <dir> <port>`. Prints
// "ready" once the server runs; stops it on SIGTERM; a SIGKILL leaves it behind.
import { startEmbedded } from '../src/db/embedded.js';

const [dir, port] = process.argv.slice(2);
const server = await startEmbedded(dir!, Number(port), { fast: true, quiet: true });
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
