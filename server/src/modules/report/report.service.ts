import { AGE_BANDS, CHANNELS, type Channel, type Gender } from '@ksp/shared';
import { ageBandSql } from './scoring.sql.js';
import { rows, type Sql } from '../../db/sql.js';
import type { BackgroundType } from './report.types.js';

/** Chapter "Background": role plays, channels, inquiries per channel, and the observers' gender and age mix (of the inquiries that count). */
export async function background(sql: Sql, participationId: number, channel: Channel | null): Promise<BackgroundType> {
  const [row] = await rows<{
    channels: Channel[];
    role_plays: { title: string; description: string }[];
    by_channel: Record<string, number> | null;
    unanswered: number;
    genders: Record<string, number> | null;
    ages: Record<string, number> | null;
  }>(
    sql,
    `with inq as (
       select i.channel, i.status, o.gender, e.year - o.birth_year as age
       from counted_inquiry i join observer o on o.id = i.observer_id join edition e on e.id = i.edition_id
       where i.participation_id = $1 and ($2::text is null or i.channel = $2))
     select p.channels,
            coalesce((select json_agg(json_build_object('title', r.title, 'description', r.description) order by r.id)
                      from role_play r where r.participation_id = p.id), '[]') as role_plays,
            (select json_object_agg(channel, n) from (select channel, count(*)::int n from inq group by channel) x) as by_channel,
            (select count(*)::int from inq where status = 'UNANSWERED') as unanswered,
            (select json_object_agg(gender, n) from (select gender, count(*)::int n from inq group by gender) x) as genders,
            (select json_object_agg(band, n) from (select ${ageBandSql('age')} as band, count(*)::int n
                      from inq group by 1) x) as ages
     from participation p where p.id = $1`,
    [participationId, channel],
  );
  const r = row!;
  return {
    rolePlays: r.role_plays,
    channels: CHANNELS.filter((c) => r.channels.includes(c)),
    inquiriesByChannel: CHANNELS.filter((c) => r.by_channel?.[c]).map((c) => ({ channel: c, count: r.by_channel![c]! })),
    unanswered: r.unanswered,
    observerGenders: Object.entries(r.genders ?? {})
      .map(([gender, count]) => ({ gender: gender as Gender, count }))
      .sort((a, b) => b.count - a.count || a.gender.localeCompare(b.gender)),
    observerAgeBands: AGE_BANDS.filter((b) => r.ages?.[b.label]).map((b) => ({ band: b.label, count: r.ages![b.label]! })),
  };
}
