import { init } from "../src/index.js";
for (const b of ["js","wasm","wasm-simd"] as const) {
  const e = await init({ backend: b });
  const x = [0, 1, 2, 2.5, 3, 10, 5];
  console.log(b, e.histogram(x, { bins: 4 }), e.histogram(x, { bins: "auto" }).counts, e.histogram(x, {bins: {quantiles: 3}}));
  console.log(e.histogram2d(x, [1,2,3,4,5,6,7], { bins: [2, 3] }).counts, e.histogramMutualInformation(x, [1,2,3,4,5,6,7], { bins: 3 }));
  console.log(e.mutualInformationColumns({ data: Float64Array.from([1,2,3,4,5,6,7,8,9,1,2,3]), rows: 4, cols: 3 }, [0, 1, 0, 1], { bins: 2 }));
}
