import type { PoorAction, PoorStatus, RatingSettings } from '@onevisit/functions/ratings';
import type { PoorDetail, PoorListed } from '@onevisit/functions/rating-views';
import { data, request } from '../api';

/** The 差评 pages' calls: the list, one 差评, a step of its workflow, the jurisdiction's limits. */
export const ratingsApi = {
  poorRatings: (j: string, status?: PoorStatus) => data(request<PoorListed[]>('GET', `/api/admin/${j}/poor-ratings${status ? `?status=${status}` : ''}`)),
  poorRating: (j: string, trackingNumber: string, target: string) => data(request<PoorDetail>('GET', `/api/admin/${j}/poor-ratings/${trackingNumber}/${target}`)),
  /** Sent with a key made when the form opened, so a retried request is applied once. */
  act: (j: string, trackingNumber: string, target: string, action: PoorAction, idempotencyKey: string) =>
    data(request<PoorDetail>('POST', `/api/admin/${j}/poor-ratings/${trackingNumber}/${target}/actions`, { body: action, idempotencyKey })),
  settings: (j: string) => data(request<RatingSettings>('GET', `/api/admin/${j}/rating-settings`)),
  saveSettings: (j: string, settings: RatingSettings) => data(request<RatingSettings>('PUT', `/api/admin/${j}/rating-settings`, { body: settings })),
};
