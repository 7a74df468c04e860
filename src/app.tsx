import { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // H5 talks to the local gateway over fetch; only the mini-program has Taro.cloud.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
    }
  });
  return children;
}

export default App;
