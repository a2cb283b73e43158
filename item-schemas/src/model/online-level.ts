import type { channels, onlineLevels, onlineServices } from './codes';

type Service = keyof typeof onlineServices;
export type OnlineLevel = keyof typeof onlineLevels;

/** 网办深度 level from the services offered online: Ⅳ 全程网办 = 5|6|7, Ⅲ = 4, Ⅱ = 2|3, else Ⅰ. */
export function onlineLevel(services: readonly Service[]): OnlineLevel {
  const has = (...codes: Service[]) => codes.some((code) => services.includes(code));
  if (has('5', '6', '7')) return '4';
  if (has('4')) return '3';
  if (has('2', '3')) return '2';
  return '1';
}

/** 网上可办: anything beyond enquiries can be done online. */
export const onlineAvailable = (services: readonly Service[]): boolean => services.some((code) => code !== '1');

/** 办理形式 that are applying online: 电脑端网上办理 and 移动端办理. */
export const ONLINE_CHANNELS = ['2', '3'] as const satisfies readonly (keyof typeof channels)[];

/** Whether the item's 办理形式 take applications online (the citizen pages and the applications API). */
export const appliesOnline = (itemChannels: readonly (keyof typeof channels)[]): boolean => ONLINE_CHANNELS.some((c) => itemChannels.includes(c));
