/**
 * `.wasm` imports as workerd/wrangler (and Vercel Edge) resolve them: the default export is the
 * compiled `WebAssembly.Module`. Used only by src/workerd.ts.
 */
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
