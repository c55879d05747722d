/**
 * What the panels computed, for the browser tests (test/browser/) to read with
 * `page.evaluate(() => window.infowasmDemo)`: full-precision numbers, not the rounded text.
 */
import type { BackendName } from "infowasm";

export interface SpeedRow {
  workload: string;
  backend: BackendName;
  msPerCall: number;
  elementsPerSecond: number;
}

export interface DemoState {
  backend?: BackendName;
  examples?: Record<string, number>;
  kl?: {
    mu: number;
    sigma: number;
    forward: { mean: number; sd: number; sigma: number; kl: number };
    reverse: { mean: number; sd: number; sigma: number; kl: number };
    fits: number;
  };
  mi?: {
    target: string;
    bins: string;
    correction: string;
    rows: number;
    ranking: { column: string; mi: number }[];
    pairs: { a: string; b: string; mi: number }[];
  };
  channels?: {
    e: number;
    rows: { channel: string; capacity: number; closedForm: number; iterations: number; p1: number }[];
    ib: { beta: number; ixt: number; ity: number }[];
    mi: number;
    hx: number;
  };
  speed?: { running: boolean; rows: SpeedRow[]; error?: string };
  errors: string[];
}

declare global {
  interface Window {
    infowasmDemo: DemoState;
  }
}

export const state: DemoState = { errors: [] };
window.infowasmDemo = state;

/** Records an error where the tests and the reader see it: the status line and `state.errors`. */
export function report(where: string, e: unknown): void {
  const msg = `${where}: ${e instanceof Error ? e.message : String(e)}`;
  state.errors.push(msg);
  console.error(msg, e);
  const status = document.querySelector<HTMLElement>("#status");
  if (status) {
    status.dataset.state = "error";
    status.textContent = msg;
  }
}
