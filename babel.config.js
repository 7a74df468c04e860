// babel-preset-taro compiles the app for weapp and h5 (not used by jest or esbuild).
module.exports = {
  // hot: false — the H5 watch build (npm run dev:h5) live-reloads instead of using React fast refresh,
  // whose babel and webpack plugins are not dependencies (config/index.ts, h5.devServer.hot).
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
};
