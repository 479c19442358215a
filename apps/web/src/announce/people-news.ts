import type { Announcement } from './announce-queue';

/**
 * Who arrived, left or took another name, from two readings of the people on the map (client
 * id → name, oneself left out). By name: a second tab of someone already here is not news, nor
 * is one of their two tabs closing.
 */
export function peopleNews(
  before: ReadonlyMap<number, string>,
  after: ReadonlyMap<number, string>,
): Announcement[] {
  const news: Announcement[] = [];
  const was = new Set<string>();
  for (const [id, name] of before) {
    const now = after.get(id);
    if (now !== undefined && now !== name) {
      news.push({ kind: 'renamed-person', from: name, to: now });
      was.add(now);
    } else {
      was.add(name);
    }
  }
  const is = new Set(after.values());
  for (const name of is) if (!was.has(name)) news.push({ kind: 'joined', who: name });
  for (const name of was) if (!is.has(name)) news.push({ kind: 'left', who: name });
  return news;
}
