import type { Context } from 'hono';
import type { CaseChannel } from './record';

/**
 * 申报来源 of an application sent over the internet, from the browser or app that sent it: a
 * phone or tablet (their browsers and the in-app browsers of the messaging apps people apply
 * from) is 移动端, a self-service kiosk names itself in its browser's identification, anything
 * else is 电脑端. Only statistics read it (网办率): a client that misnames itself changes nothing
 * else. 窗口 and 快递 are set by the staff who enter those applications.
 */
const MOBILE = /Mobi|Android|iPhone|iPad|iPod|HarmonyOS|OpenHarmony|MicroMessenger|AlipayClient|DingTalk/i;
const KIOSK = /\bOneVisitKiosk\b/;

export function channelOf(c: Context): CaseChannel {
  const agent = c.req.header('user-agent') ?? '';
  return KIOSK.test(agent) ? 'kiosk' : MOBILE.test(agent) ? 'mobile' : 'web';
}
