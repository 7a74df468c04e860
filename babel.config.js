// babel-preset-taro compiles the app for weapp and h5 (not used by jest or esbuild).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
