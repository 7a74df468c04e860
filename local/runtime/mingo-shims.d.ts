// tsconfig uses node10 resolution, which ignores package "exports"; mingo ships these subpaths only there.
declare module 'mingo/init/context' {
  import type { Context } from 'mingo';
  const fullContext: () => Context;
  export default fullContext;
}
