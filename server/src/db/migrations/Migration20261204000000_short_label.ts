import { Migration } from '@mikro-orm/migrations';

/**
 * A question's short label (issue 15): the optional `shortLabel` of questionnaire.json, named
 * in heatmaps and charts where the full text ("Hvor lang tid tok det før du fikk svar på …")
 * would read alike row after row. Null where the questionnaire gives none (the text is shown).
 * The length is the parser's rule, also held here so no other writer stores a long one.
 */
export class Migration20261204000000_short_label extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table question add column short_label text null check (char_length(short_label) between 1 and 40);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table question drop column short_label;`);
  }
}
