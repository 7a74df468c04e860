import { Button, Text, View } from '@tarojs/components';
import './index.scss';

export interface StatusViewProps {
  /** Shows 加载中 while true. */
  loading?: boolean;
  /** An error to explain in plain Chinese, with a retry button when onRetry is given. */
  error?: { message: string } | null;
  /** Shows emptyText when nothing is there to show. */
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
}

/** The loading, error and empty states every screen needs; renders nothing otherwise. */
export default function StatusView({ loading, error, empty, emptyText, onRetry }: StatusViewProps) {
  if (loading)
    return (
      <View className="status-view">
        <Text>加载中…</Text>
      </View>
    );
  if (error) {
    return (
      <View className="status-view status-view--error" data-testid="status-error">
        <Text>{error.message}</Text>
        {onRetry && (
          <Button className="status-view__retry" size="mini" onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  }
  if (empty)
    return (
      <View className="status-view">
        <Text>{emptyText ?? '暂无内容'}</Text>
      </View>
    );
  return null;
}
