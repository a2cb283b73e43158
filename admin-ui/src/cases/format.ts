/** An instant as officers read it: Beijing time, whatever the browser's zone. */
export function shanghaiTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The Beijing day of an instant, YYYY-MM-DD (Sweden's locale writes dates so). */
export function shanghaiDay(iso: string): string {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A YYYY-MM-DD date in Chinese document style: 2026年3月2日. */
export function documentDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
