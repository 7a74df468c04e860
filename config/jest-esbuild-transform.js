// The transform of `npm run test:fast` (jest.fast.config.js): esbuild strips the types of each file
// alone, ~20x faster than ts-jest; `npm test` keeps ts-jest. esbuild does not hoist jest.mock() above
// the imports as ts-jest (babel-plugin-jest-hoist) does, so a file that mocks modules goes to ts-jest.
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const MOCKS = /\bjest\s*\.\s*(mock|unmock|enableAutomock|disableAutomock|deepUnmock)\s*\(/;
const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.jsx': 'jsx', '.mjs': 'js', '.cjs': 'js' };
const esbuildVersion = require('esbuild/package.json').version;
const self = readFileSync(__filename, 'utf8');

let tsJest;
const fallback = () => {
  if (!tsJest)
    tsJest = require('ts-jest').default.createTransformer({
      diagnostics: false,
      tsconfig: { isolatedModules: true, jsx: 'react-jsx', esModuleInterop: true, allowJs: true },
    });
  return tsJest;
};

module.exports = {
  canInstrument: false,
  getCacheKey(source, filename, options) {
    if (MOCKS.test(source)) return fallback().getCacheKey(source, filename, options);
    return createHash('sha1')
      .update(self)
      .update(esbuildVersion)
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  },
  process(source, filename, options) {
    if (MOCKS.test(source)) return fallback().process(source, filename, options);
    const { code, map } = transformSync(source, {
      loader: LOADERS[path.extname(filename)] ?? 'ts',
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'external',
      sourcefile: filename,
      // TypeScript's emit for `experimentalDecorators` and class fields as tsc with target es2019 does.
      tsconfigRaw: {
        compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, esModuleInterop: true },
      },
    });
    return { code, map };
  },
};
