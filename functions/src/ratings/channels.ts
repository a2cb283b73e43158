import type { Context } from 'hono';
import { channelOf } from '../cases/channel';
import type { RatingChannel } from './model';

/** A rating sent from a browser: 移动端, 自助终端 or 电脑端, told as applications are (cases/channel.ts). */
export function deviceChannel(c: Context): RatingChannel {
  const channel = channelOf(c);
  return channel === 'mobile' || channel === 'kiosk' ? channel : 'web';
}
