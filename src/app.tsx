import { type PropsWithChildren } from 'react';
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import { applyElderClass, isElderMode } from './services/elder-mode';
import { makePagesFocusable } from './services/h5-page-focus';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // H5 talks to the local gateway over fetch; only the mini-program has Taro.cloud.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
    }
    applyElderClass(isElderMode());
    makePagesFocusable();
  });
  // An unknown address (a mistyped or outdated link) gets a page that says so, not a blank screen.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: '/pages/not-found/index' });
  });
  return children;
}

export default App;
