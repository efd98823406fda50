import type { EntityClass, EntityKey, EntityManager } from '@mikro-orm/postgresql';
import { sqlOn } from './sql.js';

/** Column values of a bulk insert, by the entity's property names (a relation by the referenced id). */
export type Columns<T> = Partial<Record<EntityKey<T>, readonly unknown[]>>;

/**
 * Inserts rows, given column by column, in one statement on the entity manager's connection
 * (inside `em.transactional`, the transaction's): each column is one array parameter, unnested
 * in the statement,
 * `insert into answer (inquiry_id, question_id, …) select * from unnest($1::int[], $2::int[], …)`.
 * Table, columns and their types come from the entity's ORM mapping, as `em.insertMany` would
 * write them; properties left out take the column's default.
 *
 * This is how a bulk load writes: an edition's 146,000 answers are one short statement, and
 * statement-level triggers fire once for it. `em.insertMany` builds a multi-row VALUES list
 * with a parameter a value instead, in chunks under PostgreSQL's 65,535 parameters: nine
 * statements for the answers, CPU in MikroORM to build them and more time in the database
 * (measured: bench/RESULTS.md, "Measured by hand").
 */
export async function insertColumns<T extends object>(em: EntityManager, entity: EntityClass<T>, columns: Columns<T>): Promise<void> {
  const meta = em.getMetadata().get<T>(entity.name);
  const entries = Object.entries(columns) as [EntityKey<T>, readonly unknown[]][];
  const length = entries[0]?.[1].length ?? 0;
  if (!length) return;
  const names: string[] = [];
  const arrays: string[] = [];
  for (const [name, values] of entries) {
    const prop = meta.properties[name];
    if (prop?.fieldNames?.length !== 1) throw new Error(`insertColumns: ${meta.className}.${name} is not a single column`);
    if (values.length !== length) throw new Error(`insertColumns: ${meta.className}.${name} has ${values.length} values, not ${length}`);
    names.push(`"${prop.fieldNames[0]}"`);
    arrays.push(`$${names.length}::${prop.columnTypes[0]}[]`);
  }
  await sqlOn(em).query(
    `insert into "${meta.tableName}" (${names.join(', ')}) select * from unnest(${arrays.join(', ')})`,
    entries.map(([, values]) => values),
  );
}
