/**
 * `npm start`: the H5 app and the gateway with seeded data on http://127.0.0.1:3000 (PORT overrides);
 * the data lives in XUEQU_DATA_DIR (default .local-data/).
 */
import { startLocalApp } from './app';

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const app = await startLocalApp({ port });
  console.log(`学区通 本地演示已启动：${app.url}  （Ctrl+C 停止；数据保存在 ${app.dataDir}）`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
