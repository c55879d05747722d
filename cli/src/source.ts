/**
 * A data file opened through DuckDB (`@duckdb/node-api`, an in-process engine): CSV/TSV with a
 * header, Parquet, and Arrow IPC. DuckDB does the reading and every whole-file aggregate (the first
 * pass: counts, min/max, quantiles, distinct labels) in SQL, multi-threaded and within its own
 * memory limit; the rows reach JS in batches (src/scan.ts) and are never all held at once.
 *
 * Missing values: NULL cells, and in CSV/TSV the strings pandas reads as NaN by default
 * (`pandas.read_csv`'s na_values: "", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "<NA>",
 * "#N/A", …); in numeric columns also NaN and ±Infinity. They are skipped and counted, per pair of
 * columns (a row counts for a pair when both of its cells are present).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { DuckDBConnection, DuckDBInstance, type DuckDBResult } from "@duckdb/node-api";
import { CliError, oneLine, usage } from "./errors.js";

/** pandas.read_csv's default na_values (pandas/_libs/parsers.pyx STR_NA_VALUES). */
export const NA_STRINGS = ["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"];

/** A column as the file has it: its DuckDB type and whether it is read as numbers or labels. */
export interface Column {
  name: string;
  /** DuckDB's type name (CSV: what its sniffer inferred). */
  type: string;
  /** Numbers: integer, decimal and floating-point types; labels: everything else (text, booleans, dates, …). */
  numeric: boolean;
  /** An integer type (NumPy's bin rules give such columns a width of at least 1). */
  integer: boolean;
  /** Text read without DuckDB's NA strings (the fast CSV reader): the NA strings are mapped to NULL in SQL. */
  naStrings?: boolean;
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NUMERIC = /^(FLOAT|DOUBLE|DECIMAL(\(\d+,\d+\))?)$/;

/** `"name"`: an identifier quoted for DuckDB (spaces, quotes and keywords allowed). */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** `'text'`: a SQL string literal. */
export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

export type FileKind = "csv" | "tsv" | "parquet" | "arrow";

/** The reader for a file name: .csv/.tsv/.txt (optionally .gz/.zst), .parquet/.pq, .arrow/.feather/.ipc/.arrows. */
export function fileKind(path: string, forced?: string): FileKind {
  if (forced !== undefined) {
    if (forced === "csv" || forced === "tsv" || forced === "parquet" || forced === "arrow") return forced;
    throw usage(`--input must be csv, tsv, parquet or arrow, got "${forced}"`);
  }
  const name = path.toLowerCase().replace(/\.(gz|zst)$/, "");
  const ext = extname(name);
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".tsv" || ext === ".tab") return "tsv";
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  if (ext === ".arrow" || ext === ".feather" || ext === ".ipc" || ext === ".arrows") return "arrow";
  throw usage(`cannot tell the format of "${path}" from its extension; pass --input csv|tsv|parquet|arrow`);
}

export interface SourceOptions {
  /** Force the reader instead of guessing from the extension. */
  input?: string;
  /** DuckDB's worker threads (default: its own, the machine's cores). */
  threads?: number;
  /** DuckDB's memory limit (default "256MB": past it, DuckDB spills to its temp directory). */
  memoryLimit?: string;
}

export class Source {
  private constructor(
    readonly path: string,
    readonly kind: FileKind,
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** A temporary directory holding the database file (Arrow input), removed by close(). */
    private readonly tempDir: string | null,
    /** The relation to select from: `read_csv(…)`, `read_parquet(…)` or a table. */
    public from: string,
    /** CSV: the reader with the NA strings as NULL, used when `from` meets an NA string in a numeric column. */
    private safeFrom: string | null,
    readonly columns: Column[],
  ) {}

  static async open(path: string, opts: SourceOptions = {}): Promise<Source> {
    if (!existsSync(path)) throw new CliError(`no such file: ${path}`);
    if (!statSync(path).isFile()) throw new CliError(`not a file: ${path}`);
    const kind = fileKind(path, opts.input);
    if (statSync(path).size === 0) throw new CliError(`${path} is empty`);
    // Arrow input is copied into a table: an on-disk database keeps that within the memory limit
    const tempDir = kind === "arrow" ? mkdtempSync(join(tmpdir(), "infowasm-")) : null;
    const instance = await DuckDBInstance.create(tempDir ? join(tempDir, "input.duckdb") : ":memory:");
    const conn = await instance.connect();
    try {
      await conn.run(`SET memory_limit = ${literal(opts.memoryLimit ?? "256MB")}`);
      if (opts.threads !== undefined) await conn.run(`SET threads = ${opts.threads}`);
      let from: string;
      let safeFrom: string | null = null;
      let columns: Column[];
      const describe = async (rel: string) =>
        (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${rel}`)).getRowObjects().map((r): Column => {
          const type = String(r.column_type);
          const integer = INTEGER.test(type);
          return { name: String(r.column_name), type, integer, numeric: integer || NUMERIC.test(type) };
        });
      if (kind === "parquet" || kind === "arrow") {
        // apache-arrow loads only for Arrow input
        from = kind === "parquet" ? `read_parquet(${literal(path)})` : await (await import("./arrow.js")).readArrowInto(conn, path);
        columns = await describe(from);
      } else {
        // DuckDB reads CSV in buffers of 16 × max_line_size (32 MB by default) per thread; 4 MB
        // buffers keep a pass within ~100 MB and are no slower here (a line may be up to 1 MB).
        // Any `nullstr` list costs DuckDB's parser about a third of its speed, so the types are
        // inferred with pandas' NA strings, the file is read with those types and without the
        // list, text columns map the NA strings to NULL in SQL, and only a file whose numeric
        // column holds an NA string (DuckDB then fails to convert it) is read again with the list.
        const args = `${literal(path)}, header = true${kind === "tsv" ? `, delim = ${literal("\t")}` : ""}, buffer_size = 4194304, max_line_size = 1048576`;
        safeFrom = `read_csv(${args}, nullstr = [${NA_STRINGS.map(literal).join(", ")}])`;
        columns = await describe(safeFrom);
        const types = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(", ");
        from = `read_csv(${args}, types = {${types}})`;
        for (const c of columns) if (!c.numeric) c.naStrings = true;
      }
      if (columns.length === 0) throw new CliError(`${path} has no columns`);
      return new Source(path, kind, instance, conn, tempDir, from, safeFrom, columns);
    } catch (e) {
      conn.closeSync();
      instance.closeSync();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      if (e instanceof CliError) throw e;
      throw new CliError(`cannot read ${path}: ${oneLine(e)}`);
    }
  }

  /** The column called `name`, or a usage error naming the option and listing the columns. */
  column(name: string, option: string): Column {
    const c = this.columns.find((col) => col.name === name);
    if (c) return c;
    const list = this.columns.map((col) => JSON.stringify(col.name)).join(", ");
    throw usage(`${option}: no column ${JSON.stringify(name)} in ${this.path}; its columns are ${list}`);
  }

  /**
   * Runs a query to the end and returns its rows as objects (small results: aggregates). The first
   * pass reads every cell of the columns used, so a CSV's NA string in a numeric column shows up
   * here: the query then runs again on the reader with the NA strings, which later passes use too.
   */
  async rows(sql: string, onProgress?: (fraction: number) => void): Promise<Record<string, unknown>[]> {
    try {
      return await this.#rows(sql, onProgress);
    } catch (e) {
      const safe = this.safeFrom;
      if (safe === null || !/Could not convert string/.test(String((e as Error).message))) throw new CliError(`${this.path}: ${oneLine(e)}`);
      sql = sql.replaceAll(this.from, safe);
      this.from = safe;
      this.safeFrom = null;
      return this.rows(sql, onProgress);
    }
  }

  async #rows(sql: string, onProgress?: (fraction: number) => void): Promise<Record<string, unknown>[]> {
    const pending = await this.conn.start(sql);
    const timer = onProgress && setInterval(() => {
      const p = this.conn.progress.percentage;
      if (p >= 0) onProgress(p / 100);
    }, 100);
    try {
      const reader = await pending.readAll();
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  /** Runs a statement (DDL). */
  async run(sql: string): Promise<void> {
    try {
      await this.conn.run(sql);
    } catch (e) {
      throw new CliError(`${this.path}: ${oneLine(e)}`);
    }
  }

  /** A streaming result of `sql` (rows fetched chunk by chunk). */
  async stream(sql: string): Promise<DuckDBResult> {
    try {
      return await this.conn.stream(sql);
    } catch (e) {
      throw new CliError(`${this.path}: ${oneLine(e)}`);
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }
}
