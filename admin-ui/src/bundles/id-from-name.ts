/** An id for addresses from a name, in pinyin: 开办餐饮店 → kai-ban-can-yin-dian (the official may edit it). */
export async function idFromName(name: string): Promise<string> {
  const { pinyin } = await import('pinyin-pro');
  const words = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((w) => w.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    if ((id ? id.length + 1 : 0) + word.length > 60) break;
    id = id ? `${id}-${word}` : word;
  }
  return id.length >= 2 ? id : '';
}
