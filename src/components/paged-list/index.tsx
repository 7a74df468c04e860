import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import type { PagedState } from '@/hooks/use-paged';
import StatusView from '../status-view';
import { busyIf } from '../busy-props';
import './index.scss';

type MoreProps = {
  /** The page's own rule when the button sits inside a card (default: the page-gutter margin). */
  moreClassName?: string;
  moreTestId?: string;
};

/** 加载更多 under a list read a page at a time; nothing once the last page is shown. */
export function LoadMore({
  list,
  moreClassName = 'paged-list__more',
  moreTestId = 'load-more',
}: MoreProps & { list: Pick<PagedState<unknown>, 'hasMore' | 'loadingMore' | 'loadMore'> }) {
  if (!list.hasMore) return null;
  return (
    <Button
      className={moreClassName}
      data-testid={moreTestId}
      {...busyIf(list.loadingMore)}
      onClick={() => void list.loadMore()}
    >
      加载更多
    </Button>
  );
}

/**
 * A list from usePaged: 加载中 / the error with 重试 / emptyText, the items (hidden while the first page
 * reloads, so a changed filter never shows the old rows), then 加载更多.
 */
export default function PagedList<T>({
  list,
  emptyText,
  children,
  ...more
}: MoreProps & {
  list: PagedState<T>;
  emptyText: string;
  /** One item's row, keyed by the caller. */
  children: (item: T) => ReactNode;
}) {
  return (
    <>
      <StatusView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.items?.length === 0}
        emptyText={emptyText}
      />
      {!list.loading && list.items?.map((item) => children(item))}
      <LoadMore list={list} {...more} />
    </>
  );
}
