/**
 * Binning outside JS (src/histogram-sql.ts): NumPy's edges from summary statistics, and NumPy's
 * bin index as SQL, run in DuckDB (@duckdb/node-api, an in-memory instance).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine, throws } from "./backends.js";
import { gaussianPairs } from "../bench/random.js";
import type { Engine } from "../src/engine.js";
import { histogramBinSql, histogramEdgesFromSummary, type BinRule, type HistogramSummary } from "../src/index.js";
import { binOf, edgesBinner } from "../src/histogram-bins.js";
import { histogramBySql, summary } from "../examples/duckdb-sql-counts.js";
import { SQL_DATASETS, SQL_EDGE_CASES } from "./reference/histogram_sql.js";

let instance: DuckDBInstance;
let con: DuckDBConnection;
let dir: string;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  con = await instance.connect();
  dir = mkdtempSync(join(tmpdir(), "infowasm-sql-test-"));
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Bit-for-bit equality of two edge arrays (−0 and 0 distinguished, as NumPy's repr). */
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

/** Replaces table t by one DOUBLE column x holding `values` (null → NULL; NaN and ±Infinity as such). */
async function loadColumn(values: readonly (number | null)[]): Promise<void> {
  await con.run("CREATE OR REPLACE TABLE t (x DOUBLE)");
  const ap = await con.createAppender("t");
  for (const v of values) {
    if (v === null) ap.appendNull();
    else ap.appendDouble(v);
    ap.endRow();
  }
  ap.closeSync();
}

/** DuckDB's counts per bin of t.x under `edges` (by histogramBinSql), and the rows it gave NULL. */
async function sqlCounts(edges: ArrayLike<number>): Promise<{ counts: number[]; nulls: number }> {
  const rows = (await con.runAndReadAll(`SELECT ${histogramBinSql("x", edges)} AS b, count(*) AS c FROM t GROUP BY ALL`)).getRowsJS();
  const counts = new Array<number>(edges.length - 1).fill(0);
  let nulls = 0;
  for (const [b, c] of rows) {
    if (b === null) nulls += Number(c);
    else counts[Number(b)] += Number(c);
  }
  return { counts, nulls };
}

describe("histogramEdgesFromSummary = numpy.histogram_bin_edges (test/reference/histogram_sql.py)", () => {
  it.each(SQL_EDGE_CASES.map((c) => [`${SQL_DATASETS[c.data].name}, bins ${c.bins}`, c] as const))("%s", (_, c) => {
    const s: HistogramSummary = { ...c.summary };
    const edges = histogramEdgesFromSummary(c.bins as number | BinRule, s, { range: c.range });
    expect(edges).toBeInstanceOf(Float64Array);
    expect(sameBits(edges, c.edges)).toBe(true);
  });

  it("NULL statistics from SQL (an empty column) count as missing; a bigint count is accepted", () => {
    // numpy.histogram_bin_edges([], bins="fd") = [0., 1.]; np.histogram_bin_edges([], 4) = linspace(0, 1, 5)
    expect(Array.from(histogramEdgesFromSummary("fd", { n: 0n, min: null, max: null, std: null, iqr: null, skewness: null }))).toEqual([0, 1]);
    expect(Array.from(histogramEdgesFromSummary(4, { n: 0 }))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // a BIGINT column's min and max come back as bigints: np.histogram_bin_edges(np.array([-3, 5]), 4) = [-3, -1, 1, 3, 5]
    expect(Array.from(histogramEdgesFromSummary(4, { n: 2n, min: -3n, max: 5n, integer: true }))).toEqual([-3, -1, 1, 3, 5]);
    // a count with a range reads nothing of the summary: np.histogram_bin_edges(x, 4, (2, 3))
    expect(Array.from(histogramEdgesFromSummary(4, { n: null }, { range: [2, 3] }))).toEqual([2, 2.25, 2.5, 2.75, 3]);
  });
});

describe.each(BACKENDS)("histogramEdgesFromSummary and it.histogramBinEdges share one code path (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  it("the data path gives NumPy's edges for the same cases", () => {
    for (const c of SQL_EDGE_CASES) {
      const d = SQL_DATASETS[c.data];
      const x = d.integer ? Int32Array.from(d.x) : Float64Array.from(d.x);
      expect(sameBits(e.histogramBinEdges(x, { bins: c.bins as number | BinRule, range: c.range }), c.edges)).toBe(true);
    }
  });
});

describe.each(BACKENDS)("DuckDB counts a Parquet file by SQL, infowasm takes the MI (%s)", (name) => {
  let e: Engine;
  let from: string;
  let x: Float64Array;
  let y: Float64Array;
  beforeAll(async () => {
    e = await engine(name);
    const [gx, gy] = gaussianPairs(5000, 0.7, 16);
    await con.run('CREATE OR REPLACE TABLE pairs ("x col" DOUBLE, "y col" DOUBLE)');
    const ap = await con.createAppender("pairs");
    for (let i = 0; i < gx.length; i++) {
      ap.appendDouble(gx[i]);
      ap.appendDouble(gy[i]);
      ap.endRow();
    }
    ap.closeSync();
    const file = join(dir, `pairs-${name}.parquet`);
    await con.run(`COPY pairs TO '${file}' (FORMAT parquet)`);
    await con.run("DROP TABLE pairs");
    from = `read_parquet('${file}')`;
    const raw = (await con.runAndReadAll(`SELECT "x col", "y col" FROM ${from}`)).getColumnsJS();
    x = Float64Array.from(raw[0] as number[]);
    y = Float64Array.from(raw[1] as number[]);
    expect(x.length).toBe(5000);
  });

  const specs: [number | BinRule, [number, number] | undefined][] = [[24, undefined], ["fd", undefined], ["auto", undefined], ["sturges", undefined], ["scott", undefined], ["doane", undefined], [10, [-2, 2]], ["fd", [-2.5, 3]]];
  it.each(specs)("bins %s, range %s: DuckDB's summary gives the edges the data gives; its GROUP BY counts and MI equal the one call", async (bins, range) => {
    const h = await histogramBySql(e, con, from, '"x col"', '"y col"', bins, range);
    const opts = { bins, range: range ? ([range, range] as [[number, number], [number, number]]) : undefined };
    // edges from DuckDB's statistics = edges from the raw columns (NumPy's, see the cases above)
    expect(sameBits(h.edgesX, e.histogramBinEdges(x, { bins, range }))).toBe(true);
    expect(sameBits(h.edgesY, e.histogramBinEdges(y, { bins, range }))).toBe(true);
    // DuckDB's counts = the 2-D histogram of the raw columns, cell by cell
    expect(Array.from(h.counts)).toEqual(Array.from(e.histogram2d(x, y, opts).counts));
    // and so the MI, bit for bit
    expect(h.mutualInformation()).toBe(e.histogramMutualInformation(x, y, opts));
    expect(h.mutualInformation({ correction: "miller-madow", base: 2 })).toBe(e.histogramMutualInformation(x, y, { ...opts, correction: "miller-madow", base: 2 }));
  });

  it("counts merged across shards (SUM of per-shard GROUP BY) equal the one-call counts", async () => {
    const edges = histogramEdgesFromSummary(12, await summary(con, '"x col"', from));
    const edgesY = histogramEdgesFromSummary(12, await summary(con, '"y col"', from));
    const bx = histogramBinSql('"x col"', edges);
    const by = histogramBinSql('"y col"', edgesY);
    // each shard counts its own rows; the merge is a SUM over the shards' tables
    const rows = (
      await con.runAndReadAll(
        `WITH s AS (SELECT *, row_number() OVER () % 3 AS shard FROM ${from}),
         per AS (SELECT shard, ${bx} AS bin_x, ${by} AS bin_y, count(*) AS c FROM s GROUP BY ALL)
         SELECT bin_x, bin_y, sum(c) AS c FROM per WHERE bin_x IS NOT NULL AND bin_y IS NOT NULL GROUP BY ALL`,
      )
    ).getRowsJS();
    const counts = new Float64Array(12 * 12);
    for (const [i, j, c] of rows) counts[Number(i) * 12 + Number(j)] += Number(c);
    expect(Array.from(counts)).toEqual(Array.from(e.histogram2d(x, y, { bins: 12 }).counts));
  });
});

// ---- the SQL bin of every value = the bin it.histogram assigns ----

const grid = fc.integer({ min: -40, max: 40 }).map((i) => i / 8); // many values exactly on edges
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const special = fc.constantFrom<number | null>(null, NaN, Infinity, -Infinity, 0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE);
const values = fc.array(fc.oneof({ arbitrary: grid, weight: 6 }, { arbitrary: fc.double({ min: -6, max: 6, noNaN: true }), weight: 3 }, { arbitrary: anyDouble, weight: 1 }, { arbitrary: special, weight: 1 }), { maxLength: 200 });
/** Explicit edges: sorted, with repeats, from the grid or any doubles, ±Infinity at the ends. */
const explicitEdges = fc
  .tuple(
    fc.array(fc.oneof({ arbitrary: grid, weight: 5 }, { arbitrary: anyDouble, weight: 1 }), { minLength: 2, maxLength: 40 }),
    fc.constantFrom("finite", "-inf", "+inf", "both", "repeat"),
  )
  .map(([e, kind]) => {
    const s = e.sort((a, b) => a - b);
    if (kind === "-inf" || kind === "both") s[0] = -Infinity;
    if (kind === "+inf" || kind === "both") s[s.length - 1] = Infinity;
    if (kind === "repeat") s.splice(s.length >> 1, 0, s[s.length >> 1], s[s.length >> 1]);
    return s;
  });

/** The bin of a non-finite value: binOf, the reference definition (NumPy's searchsorted rule). */
const refBin = (edges: number[], v: number) => binOf(edgesBinner(Float64Array.from(edges)), v);

describe.each(BACKENDS)("the SQL bin of every value equals it.histogram's (%s, fast-check, DuckDB)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  /** it.histogram's counts for the finite values, plus binOf for ±Infinity; everything else NULL. */
  function expected(xs: readonly (number | null)[], edges: number[], histogramOf: (finite: Float64Array) => Float64Array) {
    const finite = Float64Array.from(xs.filter((v): v is number => v !== null && Number.isFinite(v)));
    const counts = Array.from(histogramOf(finite));
    let binned = counts.reduce((a, b) => a + b, 0);
    for (const v of xs)
      if (v === Infinity || v === -Infinity) {
        const b = refBin(edges, v);
        if (b >= 0) {
          counts[b]++;
          binned++;
        }
      }
    return { counts, nulls: xs.length - binned };
  }

  it("explicit edges (sorted, repeated, ±Infinity): per-bin counts and the NULLs agree", async () => {
    await fc.assert(
      fc.asyncProperty(values, explicitEdges, async (xs, edges) => {
        await loadColumn(xs);
        const got = await sqlCounts(edges);
        expect(got).toEqual(expected(xs, edges, (f) => e.histogram(f, { bins: edges }).counts));
      }),
      { numRuns: 60 },
    );
  });

  it("equal-width edges (NumPy's linspace; it.histogram's index-and-correct path): per-bin counts agree, values on every edge", async () => {
    const range = fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-6, max: 1e3, noNaN: true })).map(([a, w]) => [a, a + w] as [number, number]);
    await fc.assert(
      fc.asyncProperty(values, range, fc.integer({ min: 1, max: 64 }), async (xs0, r, k) => {
        const edges = Array.from(e.histogramBinEdges([], { bins: k, range: r }));
        const xs = [...xs0, ...edges, ...edges.map((v) => v * (1 + Number.EPSILON)), r[0] - 1, r[1] + 1];
        await loadColumn(xs);
        const got = await sqlCounts(edges);
        expect(got).toEqual(expected(xs, edges, (f) => e.histogram(f, { bins: k, range: r }).counts));
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * Evaluates the SQL of histogramBinSql("x", …) for one value under IEEE comparison semantics (JS's
 * own: every comparison with NaN is false, as BigQuery's), the other NaN convention than DuckDB's.
 * A recursive-descent reader of exactly the grammar it emits: CASE WHEN c THEN e [ELSE e] END,
 * integers, AND/OR/parentheses, comparisons of x, literals and `literal - x`.
 */
function evalIeee(sql: string, x: number): number | null {
  const toks = sql.match(/CASE|WHEN|THEN|ELSE|END|AND|OR|<=|>=|<|>|\(|\)|-?\d(?:\.\d+)?e[+-]\d+|\d+|x|-/g) ?? [];
  let i = 0;
  const take = (t?: string) => {
    const v = toks[i++];
    if (t !== undefined && v !== t) throw new Error(`expected ${t}, got ${v}`);
    return v;
  };
  const term = (): number => (toks[i] === "x" ? (i++, x) : Number(take()));
  const operand = (): number => {
    const a = term();
    if (toks[i] !== "-") return a;
    i++;
    return a - term();
  };
  const atom = (): boolean => {
    if (toks[i] === "(") {
      i++;
      const v = or();
      take(")");
      return v;
    }
    const a = operand();
    const op = take();
    const b = operand();
    return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
  };
  const and = (): boolean => {
    let v = atom();
    while (toks[i] === "AND") (i++, (v = atom() && v));
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (toks[i] === "OR") (i++, (v = and() || v));
    return v;
  };
  const expr = (): number | null => {
    if (toks[i] !== "CASE") return Number(take());
    take("CASE");
    take("WHEN");
    const c = or();
    take("THEN");
    const a = expr();
    let b: number | null = null;
    if (toks[i] === "ELSE") (i++, (b = expr()));
    take("END");
    return c ? a : b;
  };
  const v = expr();
  if (i !== toks.length) throw new Error(`trailing ${toks[i]}`);
  return v;
}

describe("histogramBinSql under IEEE NaN semantics (BigQuery's convention; DuckDB, Spark and Snowflake sort NaN last)", () => {
  it("the same SQL, read with IEEE comparisons, gives binOf's bin for every value, NaN → NULL (fast-check)", () => {
    fc.assert(
      fc.property(values, explicitEdges, (xs, edges) => {
        const sql = histogramBinSql("x", edges);
        for (const v of xs) {
          if (v === null) continue;
          const b = refBin(edges, v);
          expect(evalIeee(sql, v)).toBe(b < 0 ? null : b);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("histogramBinSql: the SQL text", () => {
  it("writes every edge as an exponent-notation literal DuckDB parses as the same DOUBLE", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyDouble, { minLength: 2, maxLength: 12 }), async (e) => {
        const edges = e.sort((a, b) => a - b);
        const sql = histogramBinSql("x", edges);
        const lits = sql.match(/-?\d(?:\.\d+)?e[+-]\d+/g) ?? [];
        expect(lits.every((l) => !l.includes(".") || /^-?\d\.\d+e[+-]\d+$/.test(l))).toBe(true);
        const row = (await con.runAndReadAll(`SELECT ${lits.map((l, i) => `${l} AS v${i}, typeof(${l}) AS t${i}`).join(", ")}`)).getRowsJS()[0];
        for (let i = 0; i < lits.length; i++) {
          expect(row[2 * i + 1]).toBe("DOUBLE");
          expect(Object.is(row[2 * i], Number(lits[i])) || (row[2 * i] === 0 && Number(lits[i]) === 0)).toBe(true);
        }
        // each interior and outer edge appears (0 as 0e+0: SQL compares −0 = 0)
        for (const v of edges) expect(lits.map(Number)).toContain(v === 0 ? 0 : v);
      }),
      { numRuns: 30 },
    );
  });

  it("a nested binary search: n − 1 comparisons of depth ⌈log2 n⌉, bare identifiers unparenthesised, expressions parenthesised", () => {
    const edges = Array.from({ length: 65 }, (_, i) => i / 4);
    const sql = histogramBinSql('"my col"', edges);
    expect(sql.match(/"my col" < /g)).toHaveLength(63);
    let depth = 0;
    let max = 0;
    for (const w of sql.split(/\s+/)) {
      if (w === "CASE") max = Math.max(max, ++depth);
      if (w === "END") depth--;
    }
    expect(max).toBe(1 + 6); // the range check's CASE, then log2(64) levels
    expect(histogramBinSql("a + b", [0, 1])).toBe("CASE WHEN (a + b) >= 0e+0 AND (a + b) <= 1e+0 THEN 0 END");
    expect(histogramBinSql("t.`my col`", [0, 1])).toContain("t.`my col` >= 0e+0");
  });

  it("accepts a Histogram2D's edges and Float32Array edges (compared as their float64 values)", async () => {
    const e = await engine("js");
    const h = e.createHistogram2D({ binsX: 5, binsY: 3, rangeX: [0, 1], rangeY: [-1, 1] });
    expect(histogramBinSql("x", h.edgesX)).toBe(histogramBinSql("x", Array.from(h.edgesX)));
    const f32 = Float32Array.from([0, 0.1, 0.7]);
    expect(histogramBinSql("x", f32)).toBe(histogramBinSql("x", Array.from(f32)));
    expect(histogramBinSql("x", f32)).toContain(`x < ${Math.fround(0.1).toExponential()}`);
  });
});

describe("bad input", () => {
  const sum = { n: 100, min: 0, max: 10, std: 2, iqr: 3, skewness: 0.5 };
  it("histogramEdgesFromSummary", () => {
    throws(() => histogramEdgesFromSummary("stone", sum), RangeError, "histogramEdgesFromSummary", '"stone"', "samples");
    throws(() => histogramEdgesFromSummary("nope" as BinRule, sum), TypeError, "histogramEdgesFromSummary", "bins", "string nope");
    throws(() => histogramEdgesFromSummary(0, sum), RangeError, "bins", "positive integer");
    throws(() => histogramEdgesFromSummary(2.5, sum), RangeError, "bins must be a positive integer or a rule, got 2.5");
    throws(() => histogramEdgesFromSummary(2 ** 30, sum), RangeError, "too many bins");
    throws(() => histogramEdgesFromSummary(5, null as unknown as HistogramSummary), TypeError, "summary must be an object");
    throws(() => histogramEdgesFromSummary(5, { min: 0, max: 1 } as HistogramSummary), TypeError, "summary.n", "missing");
    throws(() => histogramEdgesFromSummary(5, { n: "5" as unknown as number, min: 0, max: 1 }), TypeError, "summary.n", "bigint");
    throws(() => histogramEdgesFromSummary(5, { n: -1, min: 0, max: 1 }), RangeError, "summary.n is -1");
    throws(() => histogramEdgesFromSummary(5, { n: 1.5, min: 0, max: 1 }), RangeError, "summary.n is 1.5");
    throws(() => histogramEdgesFromSummary(5, { n: 10, max: 1 }), TypeError, "summary.min is missing", "without a range");
    throws(() => histogramEdgesFromSummary("sqrt", { n: 10, min: 0 }, { range: [0, 1] }), TypeError, "summary.max is missing", 'rule "sqrt"');
    throws(() => histogramEdgesFromSummary(5, { n: 10, min: NaN, max: 1 }), RangeError, "summary.min is NaN", "finite");
    throws(() => histogramEdgesFromSummary(5, { n: 10, min: 2, max: 1 }), RangeError, "summary.min = 2 > summary.max = 1");
    throws(() => histogramEdgesFromSummary("scott", { ...sum, std: -1 }), RangeError, "summary.std is -1", "≥ 0");
    throws(() => histogramEdgesFromSummary("fd", { ...sum, iqr: Infinity }), RangeError, "summary.iqr is Infinity");
    throws(() => histogramEdgesFromSummary("fd", { ...sum, integer: 1 as unknown as boolean }), TypeError, "summary.integer", "boolean");
    throws(() => histogramEdgesFromSummary("fd", { n: 10, min: 0, max: 1 }), TypeError, 'rule "fd" needs summary.iqr');
    throws(() => histogramEdgesFromSummary("auto", { n: 10, min: 0, max: 1 }), TypeError, 'rule "auto" needs summary.iqr');
    throws(() => histogramEdgesFromSummary("scott", { n: 10, min: 0, max: 1 }), TypeError, 'rule "scott" needs summary.std');
    throws(() => histogramEdgesFromSummary("doane", { n: 10, min: 0, max: 1 }), TypeError, 'rule "doane" needs summary.std');
    throws(() => histogramEdgesFromSummary("doane", { n: 10, min: 0, max: 1, std: 0.3 }), TypeError, 'rule "doane" needs summary.skewness');
    throws(() => histogramEdgesFromSummary(5, sum, { range: [1, 0] }), RangeError, "range", "min > max");
    throws(() => histogramEdgesFromSummary(5, sum, { range: [0, NaN] }), RangeError, "range", "not finite");
    throws(() => histogramEdgesFromSummary(5, sum, { range: [2, 8] }), RangeError, "not inside range [2, 8]", "inside it");
    throws(() => histogramEdgesFromSummary(5, { n: 2, min: -1e308, max: 1e308 }), RangeError, "wider than float64");
    throws(() => histogramEdgesFromSummary(10, { n: 2, min: 1, max: 1 + 2 * Number.EPSILON }), RangeError, "too many bins");
    // statistics a rule does not read are not required, and a doane summary of σ = 0 needs no skewness (NumPy returns width 0)
    expect(Array.from(histogramEdgesFromSummary("sturges", { n: 10, min: 0, max: 3 }))).toEqual(Array.from(histogramEdgesFromSummary(5, { n: 10, min: 0, max: 3 })));
    expect(Array.from(histogramEdgesFromSummary("doane", { n: 10, min: 2, max: 2, std: 0 }))).toEqual([1.5, 2.5]);
  });
  it("histogramBinSql", () => {
    throws(() => histogramBinSql(42 as unknown as string, [0, 1]), TypeError, "histogramBinSql", "column", "number 42");
    throws(() => histogramBinSql("  ", [0, 1]), TypeError, "histogramBinSql", "column", "empty");
    throws(() => histogramBinSql("x", "0,1" as unknown as number[]), TypeError, "histogramBinSql", "edges", "string");
    throws(() => histogramBinSql("x", null as unknown as number[]), TypeError, "histogramBinSql", "edges", "null");
    throws(() => histogramBinSql("x", [1]), RangeError, "histogramBinSql", "edges", "at least 2");
    throws(() => histogramBinSql("x", [0, NaN, 2]), RangeError, "histogramBinSql", "edges[1] is NaN");
    throws(() => histogramBinSql("x", [0, 2, 1]), RangeError, "histogramBinSql", "edges[2] = 1 < edges[1] = 2");
  });
});
