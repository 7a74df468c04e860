import Taro from '@tarojs/taro';

/** Favourites stay on the phone (Taro storage): the server never learns what a parent keeps. */
export interface Favourite {
  kind: 'school' | 'xuequ';
  id: string;
  name: string;
}

const KEY = 'xq_favourites';

export function listFavourites(): Favourite[] {
  const raw: unknown = Taro.getStorageSync(KEY);
  return Array.isArray(raw) ? (raw as Favourite[]).filter((f) => f && typeof f.id === 'string') : [];
}

export function isFavourite(kind: Favourite['kind'], id: string): boolean {
  return listFavourites().some((f) => f.kind === kind && f.id === id);
}

/** Adds or removes; returns whether it is a favourite now. */
export function toggleFavourite(fav: Favourite): boolean {
  const all = listFavourites();
  const rest = all.filter((f) => !(f.kind === fav.kind && f.id === fav.id));
  const added = rest.length === all.length;
  Taro.setStorageSync(KEY, added ? [fav, ...rest] : rest);
  return added;
}
