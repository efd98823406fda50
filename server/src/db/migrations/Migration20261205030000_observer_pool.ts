import { Migration } from '@mikro-orm/migrations';

/**
 * The observer pool as `observers.csv` gives it (contract.md): the companies an observer is a
 * customer of and has contacted before, as company slugs. They are kept as the file wrote them,
 * not as rows of `observer_company`, because that table refers to `company(id)` and many of the
 * slugs name companies the product does not hold yet: a company that signs up later (or a
 * company that never takes part) must still be a conflict when it does, and a slug matches it
 * then without anyone re-importing the pool. `observer_company` keeps the contacts derived from
 * the inquiries the product holds; the two together are an observer's conflicts.
 */
export class Migration20261205030000_observer_pool extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table observer add column customer_of text[] not null default '{}'
  check (array_to_string(customer_of, ',') ~ '^([a-z0-9]+(-[a-z0-9]+)*(,|$))*$');
alter table observer add column contacted_before text[] not null default '{}'
  check (array_to_string(contacted_before, ',') ~ '^([a-z0-9]+(-[a-z0-9]+)*(,|$))*$');
`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table observer drop column customer_of, drop column contacted_before;`);
  }
}
