#!/usr/bin/env node
// `pnpm koe …`: the collector's CLI, run in the directory the command was typed in. pnpm runs a root script
// in the repository root and names the caller's directory in INIT_CWD; moving there first gives relative
// paths (`--config ./x.json`, `--db ./koe.db`, `--static /x=./dir`, KOE_DB, the default ./koe.config.json)
// the meaning they have for an installed `koe`. The CLI itself only ever reads its working directory, so
// `node packages/collector/bin/koe.js` and the installed binary are unaffected.
const from = process.env.INIT_CWD;
if (from) {
  try {
    process.chdir(from);
  } catch (error) {
    process.stderr.write(`koe: cannot run in ${from} (INIT_CWD, the directory pnpm was started in): ${error.message}\n`);
    process.exit(1);
  }
}
await import('../packages/collector/bin/koe.js');
