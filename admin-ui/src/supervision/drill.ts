import type { CaseRatingFilter } from '@onevisit/functions/supervision';

/**
 * Where a figure's cases are: the case search, filtered as far as it filters (receipt dates,
 * statuses, department, item, channel, the case's own rating). Counts dated otherwise (办结 on
 * the decision day, ratings on the rating day) are found among the cases received in the period.
 */
export function caseSearchLink(period: { from: string; to: string }, filters: { status?: string[]; department?: string; itemId?: string; channel?: string; rating?: CaseRatingFilter } = {}): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (filters.status) params.set('status', filters.status.join(','));
  if (filters.department) params.set('department', filters.department);
  if (filters.itemId) params.set('itemId', filters.itemId);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.rating) params.set('rating', filters.rating);
  return `/cases/search?${params}`;
}

export const acceptedStatuses = ['inProcess', 'suspended', 'decided', 'delivered'];
export const decidedStatuses = ['decided', 'delivered'];
