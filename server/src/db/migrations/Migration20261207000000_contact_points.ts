import { Migration } from '@mikro-orm/migrations';

/**
 * How an observer reaches a participant on each channel (issue 18: the assignment shows "contact
 * details and the windows"): per channel one string (PHONE a phone number, EMAIL an address or a
 * contact form's URL, CHAT and MESSENGER a URL; shared/src/signup/contact-points.ts). Given on the
 * sign-up, copied to the participation on acceptance, corrected by staff until fieldwork ends.
 * Both tables already bump `data_version` on every write.
 */
export class Migration20261207000000_contact_points extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table sign_up add column contact_points jsonb not null default '{}';
alter table participation add column contact_points jsonb not null default '{}';
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table participation drop column contact_points;
alter table sign_up drop column contact_points;
`);
  }
}
