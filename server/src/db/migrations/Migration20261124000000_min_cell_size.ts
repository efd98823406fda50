import { Migration } from '@mikro-orm/migrations';

/**
 * The minimum cell size of an edition (domain.md "Access in detail"): no figure of a chosen
 * competitor over fewer inquiries than this is shown. A setting of the edition, default 5.
 */
export class Migration20261124000000_min_cell_size extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table edition add column min_cell_size int not null default 5 check (min_cell_size >= 1);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table edition drop column min_cell_size;`);
  }
}
