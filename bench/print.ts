/**
 * Runs one bench from its own file (`npx tsx bench/worst.ts`): prints its report lines; an error is
 * printed whole and exits 1.
 */
export function printBench(run: () => Promise<{ lines: string[] }>): void {
  run()
    .then(({ lines }) => {
      for (const line of lines) console.log(line);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
