/**
 * What `auto` means in this browser: WebGPU when there is a hardware adapter, otherwise WASM with the reason.
 * A software adapter (Chromium's SwiftShader, `isFallbackAdapter`) runs WebGPU kernels on the CPU, slower than
 * WASM's SIMD kernels (shared/TOOLCHAIN.md: "WebGPU code paths can be tested in CI, speeds cannot").
 */
export type AutoChoice = { readonly provider: 'webgpu' } | { readonly provider: 'wasm'; readonly reason: string };

/** Probes `navigator.gpu` (which workers have too) without creating a device. */
export async function chooseAutoProvider(): Promise<AutoChoice> {
  const gpu = (navigator as { gpu?: GPU }).gpu;
  if (!gpu) {
    return { provider: 'wasm', reason: 'WebGPU is not available in this browser (it needs a supporting browser and a secure context).' };
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (error) {
    return { provider: 'wasm', reason: `WebGPU could not provide an adapter: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!adapter) {
    return { provider: 'wasm', reason: 'WebGPU has no adapter here (the GPU may be disabled or blocklisted).' };
  }
  if (adapter.info.isFallbackAdapter) {
    return { provider: 'wasm', reason: 'The only WebGPU adapter is a software one, which is slower than WASM; choose WebGPU to use it anyway.' };
  }
  return { provider: 'webgpu' };
}
