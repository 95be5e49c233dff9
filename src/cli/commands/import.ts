import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../import/csv/decode-text.ts';
import { ENTITIES, type EntityName } from '../../import/mapping/entities.ts';
import { BUILT_IN_SOURCES } from '../../import/mappings/sources.ts';
import type { ImportStage, ImportSummary } from '../../import/run-import.ts';
import type { Db } from '../../store/db.ts';
import type { CliContext } from '../context.ts';
import type { CalendarOptions } from './import-calendar.ts';
import { countArg } from '../int-options.ts';

interface ImportOptions extends CalendarOptions {
  source?: string;
  entity?: string;
  map?: string;
  skipInvalid?: boolean;
  createMissing?: boolean;
  batchSize?: string;
  encoding?: string;
}

const STAGE_LABELS: Record<ImportStage, string> = {
  reading: 'reading',
  checking: 'checking references',
  writing: 'writing',
  refreshing: 'refreshing first touches',
};

function printSummary(s: ImportSummary): void {
  const rate = Math.round(s.rowsPerSecond).toLocaleString('en-US');
  console.log(
    [
      `${s.fileName}: ${s.mapping} (${s.source} ${s.entity})`,
      `  rows read ${s.rowsRead}, imported ${s.imported} (created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}),` +
        ` skipped ${s.skipped}, rejected ${s.rejected}`,
      `  ${s.seconds.toFixed(2)} s, ${rate} rows/s`,
    ].join('\n'),
  );
}

async function importOne(db: Db, file: string, opts: ImportOptions): Promise<void> {
  const { default: cliProgress } = await import('cli-progress');
  const { rejectsCsv, toStoredReject } = await import('../../import/csv/rejects-csv.ts');
  const { parseMappingFile } = await import('../../import/mapping/load-mapping-file.ts');
  const { runImport } = await import('../../import/run-import.ts');
  const size = statSync(file).size;
  const input = createReadStream(file);
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: `${basename(file)} |{bar}| {percentage}% | {rows} rows | {rate} rows/s | {stage}`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let bytes = 0;
  const t0 = performance.now();
  if (bar) {
    bar.start(size, 0, { rows: 0, rate: 0, stage: 'reading' });
    input.on('data', (chunk) => {
      bytes += chunk.length;
    });
  }
  const mapping = opts.map ? parseMappingFile(readFileSync(opts.map, 'utf8'), opts.map) : undefined;
  try {
    const summary = await runImport(db, SYSTEM_VIEWER, {
      fileName: file,
      input,
      source: opts.source,
      entity: opts.entity as EntityName | undefined,
      mapping,
      encoding: opts.encoding as ImportEncoding | undefined,
      skipInvalid: Boolean(opts.skipInvalid),
      createMissing: Boolean(opts.createMissing),
      ...(opts.batchSize === undefined ? {} : { batchSize: countArg(opts.batchSize, '--batch-size') }),
      // After the file is read, a large import still checks, writes and refreshes for a while: say which.
      onStage: (stage) => bar?.update({ stage: STAGE_LABELS[stage] }),
      onProgress: (rows) => {
        const rate = Math.round(rows / Math.max(0.001, (performance.now() - t0) / 1000));
        bar?.update(bytes, { rows, rate });
      },
    });
    bar?.update(size);
    bar?.stop();
    printSummary(summary);
    if (summary.rejects.length > 0) {
      const out = `${file}.rejects.csv`;
      writeFileSync(
        out,
        rejectsCsv(
          summary.header,
          summary.rejects.map((r) => toStoredReject(summary.header, r)),
        ),
      );
      console.log(`  rejected rows written to ${out}`);
    }
  } catch (err) {
    bar?.stop();
    throw err;
  }
}

/** `pacesetter import`: loads CRM exports (Salesforce, HubSpot, Pipedrive or a mapped CSV) into the store. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'Import CSV exports from Salesforce, HubSpot or Pipedrive (detected from the header), or any CSV with --map. ' +
        'Each file imports whole or not at all (exit code 2 with every row error), unless --skip-invalid. See docs/import.md.',
    )
    .argument(
      '<files...>',
      "CSV files, imported one after another (e.g. deals before their history); or 'calendar' with --file/--url and --user",
    )
    .option(
      '--source <source>',
      `built-in mapping source: ${BUILT_IN_SOURCES.join(', ')} (default: detect from headers)`,
    )
    .option('--entity <entity>', `what the file holds: ${ENTITIES.join(', ')} (default: detect)`)
    .option(
      '--map <mapping.json>',
      'custom mapping file: entity, our field -> their column, value maps, date format',
    )
    .option('--skip-invalid', 'import the valid rows and write the invalid ones to <file>.rejects.csv')
    .option('--create-missing', 'create unknown reps (role rep, no password), accounts, contacts and stages')
    .option(
      '--batch-size <rows>',
      'rows per INSERT statement (default 1000); activities are staged with COPY instead',
    )
    .option(
      '--encoding <encoding>',
      `encoding of the files: ${IMPORT_ENCODINGS.join(', ')} (default utf-8; a byte-order mark wins)`,
    )
    .option('--file <calendar.ics>', 'import calendar: an ICS file')
    .option('--url <url>', 'import calendar: an ICS feed URL')
    .option('--user <email>', 'import calendar: the rep whose calendar it is')
    .option('--from <date>', 'import calendar: first day of recurring events to expand (default 90 days ago)')
    .option('--to <date>', 'import calendar: last day (default 30 days ahead)')
    .action(async (files: string[], opts: ImportOptions) => {
      if (files.length === 1 && files[0] === 'calendar') {
        const { importCalendarCommand } = await import('./import-calendar.ts');
        const { openConfiguredStore } = await import('../store-from-config.ts');
        const db = await openConfiguredStore(ctx.config());
        try {
          await importCalendarCommand(db, opts);
        } finally {
          await db.destroy();
        }
        return;
      }
      if (opts.entity && !(ENTITIES as readonly string[]).includes(opts.entity)) {
        throw new AppError('validation', `Unknown entity '${opts.entity}'`, [
          { field: 'entity', reason: `use one of ${ENTITIES.join(', ')}` },
        ]);
      }
      if (opts.encoding && !(IMPORT_ENCODINGS as readonly string[]).includes(opts.encoding.toLowerCase())) {
        throw new AppError('validation', `Unknown encoding '${opts.encoding}'`, [
          { field: 'encoding', value: opts.encoding, reason: `use one of ${IMPORT_ENCODINGS.join(', ')}` },
        ]);
      }
      if (opts.encoding) opts.encoding = opts.encoding.toLowerCase();
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        for (const file of files) await importOne(db, file, opts);
      } finally {
        await db.destroy();
      }
    });
}
