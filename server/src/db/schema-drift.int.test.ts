import { describe, expect, it } from 'vitest';
import { DatabaseSchema, SchemaComparator, type TableDifference } from '@mikro-orm/postgresql';
import { useTestDatabase } from '../../test/db.js';
import { SQL_ONLY_TABLES } from './tables.js';

/**
 * The entities and the migrations describe the same schema: MikroORM's own schema comparison
 * of the migrated database (from) against the entity metadata (to) finds no difference in
 * tables, columns (type, nullability, default, generated expression, allowed values of enum
 * columns), primary keys, unique constraints, indexes and foreign keys (names and delete rules
 * included).
 *
 * Left out on purpose, and only these:
 * - check constraints other than enum value lists, views (`scored_item`, `counted_*`), functions
 *   and triggers: the migrations are their only home; MikroORM has no model of them;
 * - composite foreign keys (inquiry → participation (id, edition_id), participation_competitor →
 *   participation (id, edition_id, company_id, tier) and (edition_id, company_id)): MikroORM
 *   relations point at primary keys only, so these live in the migration alone;
 * - tables without an entity: SQL_ONLY_TABLES (db/tables.ts, each with who reads and writes it).
 */
const db = useTestDatabase();

const MIGRATION_ONLY_TABLES = Object.keys(SQL_ONLY_TABLES).map((t) => `public.${t}`);

function describeTable(name: string, t: TableDifference): string[] {
  const out: string[] = [];
  const add = (kind: string, keys: Record<string, unknown>) => {
    for (const k of Object.keys(keys)) out.push(`${name}: ${kind} ${k}`);
  };
  add('column only in the entities:', t.addedColumns);
  add('column only in the migrations:', t.removedColumns);
  add('column renamed:', t.renamedColumns);
  for (const [column, diff] of Object.entries(t.changedColumns)) {
    for (const property of diff.changedProperties) {
      const show = (c: object) => JSON.stringify((c as Record<string, unknown>)[property]);
      out.push(`${name}.${column}: ${property} is ${show(diff.fromColumn)} in the migrations, ${show(diff.column)} in the entities`);
    }
  }
  add('index only in the entities:', t.addedIndexes);
  add('index only in the migrations:', t.removedIndexes);
  add('index differs:', t.changedIndexes);
  add('index renamed:', t.renamedIndexes);
  add('foreign key only in the entities:', t.addedForeignKeys);
  for (const [key, fk] of Object.entries(t.changedForeignKeys)) {
    const from = Object.values(t.fromTable.getForeignKeys()).find((f) => f.constraintName === key);
    const rules = (f?: { deleteRule?: string; updateRule?: string }) =>
      `on delete ${f?.deleteRule ?? 'no action'}, on update ${f?.updateRule ?? 'no action'}`;
    out.push(`${name}: foreign key ${key} differs: ${rules(from)} in the migrations, ${rules(fk)} in the entities`);
  }
  for (const [key, fk] of Object.entries(t.removedForeignKeys)) {
    if (fk.columnNames.length > 1) continue; // composite: migration-only, see above
    out.push(`${name}: foreign key only in the migrations: ${key}`);
  }
  // t.addedChecks / changedChecks / removedChecks: migration-only, see above.
  return out;
}

describe('entities and migrations', () => {
  it('describe the same tables, columns, keys and indexes (MikroORM schema comparison)', async () => {
    const platform = db.orm.em.getPlatform();
    const toSchema = db.orm.getSchemaGenerator().getTargetSchema();
    const fromSchema = await DatabaseSchema.create(db.orm.em.getConnection(), platform, db.orm.config, undefined, toSchema.getNamespaces());
    const diff = new SchemaComparator(platform).compare(fromSchema, toSchema);

    const drift = [
      ...Object.keys(diff.newTables).map((t) => `table only in the entities: ${t}`),
      ...Object.keys(diff.removedTables)
        .filter((t) => !MIGRATION_ONLY_TABLES.includes(t))
        .map((t) => `table only in the migrations: ${t}`),
      ...Object.entries(diff.changedTables).flatMap(([name, t]) => describeTable(name, t)),
    ];
    expect(drift).toEqual([]);
    // The comparison is not vacuous: it sees every mapped table.
    expect(
      toSchema
        .getTables()
        .map((t) => t.name)
        .sort(),
    ).toEqual(
      fromSchema
        .getTables()
        .map((t) => t.name)
        .filter((t) => !MIGRATION_ONLY_TABLES.includes(`public.${t}`))
        .sort(),
    );
  });
});
