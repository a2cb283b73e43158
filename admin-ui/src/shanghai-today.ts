import { shanghaiDateOf } from '@onevisit/item-schemas';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Today as the service counts days: in Shanghai, whatever the browser's own time zone. Cases,
 * messages and figures are filed under the Shanghai date, so a day or month picked from the
 * browser's clock would miss the evening's (UTC) or the small hours' (Shanghai) work.
 */
export const shanghaiToday = (): Dayjs => dayjs(shanghaiDateOf(new Date()));
