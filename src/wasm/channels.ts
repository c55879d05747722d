/**
 * The channels kernels on WASM: assembly/channels.ts. Each call copies its inputs whole into the
 * family table region (WasmHost.whole), followed by the output and the kernel's work region
 * (channelsWorkBytes), runs the whole iteration loop there and reads the output back.
 */
import type { ChannelKernels } from "../backend.js";
import type { WasmHost } from "./host.js";

export function wasmChannels(h: WasmHost): ChannelKernels {
  const K = {
    work: h.kernel("channelsWorkBytes"),
    capacityBA: h.kernel("capacityBA"),
    rateDistortionBA: h.kernel("rateDistortionBA"),
    informationBottleneckIB: h.kernel("informationBottleneckIB"),
  };
  return {
    capacityBA(W, nx, ny, tol, maxIter) {
      return h.whole([W], 3 + nx, "f64", K.work(0, nx, ny, 0), ([w], out, work) => K.capacityBA(w, nx, ny, tol, maxIter, out, work));
    },
    rateDistortionBA(p, d, nx, nh, beta, tol, maxIter) {
      return h.whole([p, d], 4 + nh, "f64", K.work(1, nx, nh, 0), ([pp, dd], out, work) => K.rateDistortionBA(pp, dd, nx, nh, beta, tol, maxIter, out, work));
    },
    informationBottleneckIB(px, pyx, enc, nx, ny, nt, beta, tol, maxIter) {
      return h.whole([px, pyx, enc], 2 + nx * nt, "f64", K.work(2, nx, ny, nt), ([a, b, c], out, work) =>
        K.informationBottleneckIB(a, b, c, nx, ny, nt, beta, tol, maxIter, out, work),
      );
    },
  };
}
