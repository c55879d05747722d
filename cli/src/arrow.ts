/**
 * Arrow IPC input. DuckDB's Arrow reader is an extension it would download, which this CLI never
 * does; so an Arrow file (the IPC file or stream format, `.arrow`/`.feather`/`.arrows`) is read
 * record batch by record batch with apache-arrow's streaming reader and appended to a DuckDB table
 * in the instance's on-disk database, so that the SQL passes run over it like over any file, with
 * the same flat memory. Column types: integers → BIGINT, floating point and decimals → DOUBLE,
 * booleans → BOOLEAN, everything else (strings, dictionaries, dates, …) → VARCHAR.
 */
import { createReadStream } from "node:fs";
import { DataType, RecordBatchReader, type Field, type Vector } from "apache-arrow";
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import { CliError, oneLine } from "./errors.js";

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK = 2048;

type Conv = { type: DuckDBType; sql: string; value: (v: unknown) => DuckDBValue };

function conversion(f: Field): Conv {
  const t = f.type;
  if (DataType.isInt(t)) return { type: BIGINT, sql: "BIGINT", value: (v) => (typeof v === "bigint" ? v : BigInt(v as number)) };
  if (DataType.isFloat(t) || DataType.isDecimal(t)) return { type: DOUBLE, sql: "DOUBLE", value: (v) => Number(v) };
  if (DataType.isBool(t)) return { type: BOOLEAN, sql: "BOOLEAN", value: (v) => Boolean(v) };
  return { type: VARCHAR, sql: "VARCHAR", value: (v) => String(v) };
}

/** Reads the Arrow file at `path` into a new table of `conn`'s database; returns the table's name. */
export async function readArrowInto(conn: DuckDBConnection, path: string): Promise<string> {
  let reader: RecordBatchReader;
  try {
    reader = await RecordBatchReader.from(createReadStream(path));
    await reader.open();
  } catch (e) {
    throw new CliError(`cannot read ${path} as Arrow IPC: ${oneLine(e)}`);
  }
  const fields = reader.schema.fields;
  if (fields.length === 0) throw new CliError(`${path} has no columns`);
  const conv = fields.map(conversion);
  const table = "arrow_input";
  const cols = fields.map((f, j) => `"${f.name.replaceAll('"', '""')}" ${conv[j].sql}`).join(", ");
  await conn.run(`CREATE TABLE ${table} (${cols})`);
  const appender = await conn.createAppender(table);
  const chunk = DuckDBDataChunk.create(conv.map((c) => c.type));
  const values: DuckDBValue[][] = conv.map(() => []);
  try {
    for await (const batch of reader) {
      const vectors = fields.map((_, j) => batch.getChildAt(j) as Vector);
      for (let start = 0; start < batch.numRows; start += CHUNK) {
        const end = Math.min(batch.numRows, start + CHUNK);
        for (let j = 0; j < fields.length; j++) {
          const v = vectors[j];
          const out = values[j];
          out.length = end - start;
          for (let r = start; r < end; r++) {
            const x = v.get(r);
            out[r - start] = x === null || x === undefined ? null : conv[j].value(x);
          }
        }
        chunk.reset();
        chunk.rowCount = end - start;
        chunk.setColumns(values);
        appender.appendDataChunk(chunk);
      }
    }
    appender.flushSync();
  } catch (e) {
    throw new CliError(`cannot read ${path} as Arrow IPC: ${oneLine(e)}`);
  } finally {
    appender.closeSync();
  }
  return table;
}
