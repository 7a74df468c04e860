/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

/** Injected by config/index.ts defineConstants: the WeChat cloud environment id ('' = default). */
declare const CLOUD_ENV: string;
/** Injected: the subscribe-message template id for request results ('' = not configured). */
declare const TPL_RESULT: string;
/** Injected: the subscribe-message template id for "a request waits for you" ('' = not configured). */
declare const TPL_APPROVAL: string;
/** Injected: the subscribe-message template id for "a visiting teacher's clock-in was flagged" ('' = not configured). */
declare const TPL_ATTENDANCE: string;
declare const TPL_REMINDER: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test';
    TARO_ENV?: 'weapp' | 'h5';
  }
}
