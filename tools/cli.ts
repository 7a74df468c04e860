/** Runs a tool's main with the command line; a thrown error is printed (Chinese, for people) and exits 1. */
export function runCli(main: (argv: string[]) => number): void {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
