import { Button, Text, View } from '@tarojs/components';
import type { FileExport } from '@/hooks/use-file-export';
import '../action-card.scss';
import './index.scss';

export interface ShareFileProps {
  /** The export's state from useFileExport. */
  exp: Pick<FileExport, 'ready' | 'sent' | 'error' | 'share'>;
}

/** A prepared export: its name and a 发送到聊天 button (WeChat sends files only from a tap); errors in words. */
export default function ShareFile({ exp }: ShareFileProps) {
  if (!exp.ready && !exp.error) return null;
  return (
    <View className="action-card share-file" data-testid="share-file">
      {exp.ready && (
        <>
          <Text className="share-file__name">已生成：{exp.ready.fileName}</Text>
          <Button className="share-file__button" type="primary" data-testid="send-to-chat" onClick={exp.share}>
            发送到聊天
          </Button>
          <Text className="share-file__hint">
            {exp.sent ? '已发送。可再发送到其他聊天。' : '可发送给“文件传输助手”，在电脑上打开。'}
          </Text>
        </>
      )}
      {exp.error && (
        <Text className="share-file__error" data-testid="export-error">
          {exp.error}
        </Text>
      )}
    </View>
  );
}
