/**
 * Forward vs reverse KL panel: seed 004's bimodal target with the two fitted Gaussians over it,
 * refitted whenever a slider moves (examples/fit-gaussian.ts, the same code as
 * `npm run example:kl`).
 */
import * as Plot from "@observablehq/plot";
import { minimize, type Engine } from "infowasm";
import { fitGaussians, type FitResult } from "../../examples/fit-gaussian.js";
import { report, state } from "./state.js";

const COLORS = { "target p": "#98a2b3", "forward D(p‖q): mean-seeking": "#2f5fb3", "reverse D(q‖p): mode-seeking": "#d0461b" };

function chart(fit: FitResult): SVGSVGElement | HTMLElement {
  const data: { x: number; density: number; curve: string }[] = [];
  const step = 4; // 2001 grid points drawn as 501
  const curves: [string, Float64Array][] = [
    ["target p", fit.p],
    ["forward D(p‖q): mean-seeking", fit.forward.q],
    ["reverse D(q‖p): mode-seeking", fit.reverse.q],
  ];
  for (const [curve, y] of curves) for (let i = 0; i < fit.x.length; i += step) data.push({ x: fit.x[i], density: y[i], curve });
  const target = data.filter((d) => d.curve === "target p");
  return Plot.plot({
    width: 900,
    height: 320,
    marginLeft: 50,
    x: { label: "x", grid: true },
    y: { label: "density", grid: true },
    color: { legend: true, domain: Object.keys(COLORS), range: Object.values(COLORS) },
    marks: [
      Plot.areaY(target, { x: "x", y: "density", fill: "#98a2b3", fillOpacity: 0.25 }),
      Plot.lineY(data, { x: "x", y: "density", stroke: "curve", strokeWidth: 2 }),
      Plot.ruleX([fit.forward.mean], { stroke: COLORS["forward D(p‖q): mean-seeking"], strokeDasharray: "4,3" }),
      Plot.ruleX([fit.reverse.mean], { stroke: COLORS["reverse D(q‖p): mode-seeking"], strokeDasharray: "4,3" }),
      Plot.ruleY([0]),
    ],
  });
}

export function mountKl(it: Engine): void {
  const mu = document.querySelector<HTMLInputElement>("#kl-mu")!;
  const sigma = document.querySelector<HTMLInputElement>("#kl-sigma")!;
  const muOut = document.querySelector<HTMLOutputElement>("#kl-mu-out")!;
  const sigmaOut = document.querySelector<HTMLOutputElement>("#kl-sigma-out")!;
  const box = document.querySelector<HTMLElement>("#kl-chart")!;
  const body = document.querySelector("#kl-table tbody")!;
  const time = document.querySelector<HTMLElement>("#kl-time")!;
  let fits = 0;
  let pending = false;

  const refit = () => {
    pending = false;
    try {
      draw();
    } catch (e) {
      report("kl", e);
    }
  };
  const draw = () => {
    const target = { mu: Number(mu.value), sigma: Number(sigma.value) };
    muOut.value = target.mu.toFixed(1);
    sigmaOut.value = target.sigma.toFixed(2);
    const t0 = performance.now();
    const fit = fitGaussians({ it, minimize }, target);
    const ms = performance.now() - t0;
    fits++;
    box.replaceChildren(chart(fit));
    body.replaceChildren();
    const rows: [string, string, number, number, number, number][] = [
      ["target p", "", fit.targetMean, fit.targetSd, NaN, NaN],
      ["forward D(p‖q)", "forward", fit.forward.mean, fit.forward.sd, fit.forward.kl, fit.forward.nfev],
      ["reverse D(q‖p)", "reverse", fit.reverse.mean, fit.reverse.sd, fit.reverse.kl, fit.reverse.nfev],
    ];
    for (const [label, key, m, sd, kl, nfev] of rows) {
      const tr = document.createElement("tr");
      tr.dataset.fit = key || "target";
      const fixed = (v: number, d: number) => (Math.abs(v) < 0.5 * 10 ** -d ? 0 : v).toFixed(d); // no "-0.000"
      for (const v of [label, fixed(m, 3), sd.toFixed(3), Number.isNaN(kl) ? "" : kl.toFixed(4), Number.isNaN(nfev) ? "" : String(nfev)]) {
        const td = document.createElement("td");
        td.textContent = v;
        tr.append(td);
      }
      body.append(tr);
    }
    time.textContent = `Both fits took ${ms.toFixed(1)} ms (${fit.forward.nfev + fit.reverse.nfev} grid KL evaluations of 2001 points) on the ${it.backend} backend.`;
    const pick = (g: FitResult["forward"]) => ({ mean: g.mean, sd: g.sd, sigma: g.sigma, kl: g.kl });
    state.kl = { ...target, forward: pick(fit.forward), reverse: pick(fit.reverse), fits };
  };
  // Refit at most once per frame while a slider is dragged.
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(refit);
  };
  mu.addEventListener("input", schedule);
  sigma.addEventListener("input", schedule);
  draw();
}
