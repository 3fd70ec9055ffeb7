/**
 * Whether WebGPU tests can run here. In CI (CI=true) a missing adapter is a failure: the
 * WGSL path must be tested for real there. Elsewhere the GPU tests are skipped with a
 * visible message, for a laptop without a Vulkan driver.
 */
import { probeAdapter } from '../../src/engine/gpu/device.js';

const probe = await probeAdapter();
if (!probe.ok) {
  if (process.env.CI) throw new Error(`CI must test the WGSL path, but ${probe.reason}`);
  process.stderr.write(`\n*** WebGPU tests SKIPPED on this machine: ${probe.reason} ***\n\n`);
}
export const gpuAvailable = probe.ok;
export const adapterName = probe.ok ? probe.name : 'none';
