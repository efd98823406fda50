import fs from 'node:fs';
import { createSchema, SCHEMA_FILE, schemaText } from './schema.js';

fs.writeFileSync(SCHEMA_FILE, schemaText(await createSchema()));
console.log(`wrote ${SCHEMA_FILE}`);
