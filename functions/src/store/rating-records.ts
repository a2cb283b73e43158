import type { RatingRecord, RatingSettings, RatingTarget } from '../ratings/model';
import { TABLE_INDEXES } from './table';
import { ifAbsent, ifRevision, type TableAccess } from './table-access';

/**
 * 好差评 ratings: a record per rated service of a case (its number and what was rated) in one
 * partition per jurisdiction, with the 差评 workflow inside it; the jurisdiction index orders
 * them by rating day under a key of their own, so a month is one query. Settings beside the
 * case settings.
 */
const j = (jurisdiction: string) => `J#${jurisdiction}`;
const ratingKeys = {
  rating: (jurisdiction: string, trackingNumber: string, target: RatingTarget) => ({ pk: `${j(jurisdiction)}#RATINGS`, sk: `${trackingNumber}#${target}` }),
  partition: (jurisdiction: string) => `${j(jurisdiction)}#RATINGS`,
  byDay: (jurisdiction: string) => `${j(jurisdiction)}#RATINGS-BY-DAY`,
  daySort: (r: Pick<RatingRecord, 'on' | 'trackingNumber' | 'target'>) => `${r.on}#${r.trackingNumber}#${r.target}`,
  settings: (jurisdiction: string) => ({ pk: `${j(jurisdiction)}#SETTINGS`, sk: 'RATINGS' }),
};

export type RatingRecords = ReturnType<typeof ratingRecords>;

export function ratingRecords(table: TableAccess) {
  const index = TABLE_INDEXES.byJurisdiction;
  return {
    getRating(jurisdiction: string, trackingNumber: string, target: RatingTarget): Promise<RatingRecord | undefined> {
      return table.get<RatingRecord>(ratingKeys.rating(jurisdiction, trackingNumber, target));
    },

    /** Every rating of a case (its case and window services). */
    ratingsOf(jurisdiction: string, trackingNumber: string): Promise<RatingRecord[]> {
      return table.queryAll<RatingRecord>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :number)',
        ExpressionAttributeValues: { ':pk': ratingKeys.partition(jurisdiction), ':number': `${trackingNumber}#` },
      });
    },

    /** A new rating (refused if the service was rated already), or a change over the revision read. */
    putRating(r: RatingRecord, expectedRevision?: number): Promise<void> {
      const key = ratingKeys.rating(r.jurisdiction, r.trackingNumber, r.target);
      const indexed = { ...r, [index.pk]: ratingKeys.byDay(r.jurisdiction), [index.sk]: ratingKeys.daySort(r) };
      return table.put(key, indexed, expectedRevision === undefined ? ifAbsent('the service was rated already') : ifRevision(expectedRevision, 'the rating changed meanwhile'));
    },

    /** Ratings given from `from` to `to` (inclusive days), oldest first. */
    ratingsBetween(jurisdiction: string, from: string, to: string): Promise<RatingRecord[]> {
      return table.queryAll<RatingRecord>({
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
        ExpressionAttributeValues: { ':pk': ratingKeys.byDay(jurisdiction), ':from': `${from}#`, ':to': `${to}#\uffff` },
      });
    },

    /** Every 差评 of a jurisdiction, open or closed. */
    poorRatings(jurisdiction: string): Promise<RatingRecord[]> {
      return table.queryAll<RatingRecord>({
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'attribute_exists(poor)',
        ExpressionAttributeValues: { ':pk': ratingKeys.partition(jurisdiction) },
      });
    },

    getRatingSettings(jurisdiction: string): Promise<RatingSettings | undefined> {
      return table.get(ratingKeys.settings(jurisdiction));
    },

    putRatingSettings(jurisdiction: string, settings: RatingSettings): Promise<void> {
      return table.put(ratingKeys.settings(jurisdiction), settings);
    },
  };
}
