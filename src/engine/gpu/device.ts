/**
 * The one module that touches the WebGPU binding (Dawn for Node, npm package `webgpu`).
 * Everything else sees standard WebGPU types from @webgpu/types.
 */

export interface GpuContext {
  readonly device: GPUDevice;
  /** Adapter as Dawn names it, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)" or "NVIDIA H100 80GB HBM3". */
  readonly adapterName: string;
  readonly isFallbackAdapter: boolean;
  readonly limits: {
    readonly maxStorageBufferBindingSize: number;
    readonly maxBufferSize: number;
    readonly maxComputeWorkgroupsPerDimension: number;
  };
  /** Rejects when the device is lost for any reason but our own destroy(). */
  readonly lost: Promise<never>;
  destroy(): void;
}

/** Why no adapter was found, or null when one was. */
export type AdapterProbe = { ok: true; name: string; limits: GpuContext['limits']; isFallbackAdapter: boolean } | { ok: false; reason: string };

let gpuInstance: GPU | undefined;

async function gpu(): Promise<GPU> {
  if (!gpuInstance) {
    let mod: { create: (flags: string[]) => GPU; globals: Record<string, unknown> };
    try {
      mod = (await import('webgpu')) as unknown as typeof mod;
    } catch (e) {
      throw new Error(`the WebGPU binding (npm package "webgpu") could not be loaded: ${(e as Error).message}`);
    }
    // The standard WebGPU constants (GPUBufferUsage, GPUMapMode, ...) as globals.
    Object.assign(globalThis, mod.globals);
    gpuInstance = mod.create([]);
  }
  return gpuInstance;
}

function adapterName(adapter: GPUAdapter): string {
  const info = adapter.info;
  return info.description || [info.vendor, info.architecture, info.device].filter(Boolean).join(' ') || 'unnamed adapter';
}

async function requestAdapter(): Promise<GPUAdapter | null> {
  return (await gpu()).requestAdapter({ powerPreference: 'high-performance' });
}

const NO_ADAPTER =
  'no WebGPU adapter found (no GPU driver, and no software Vulkan: on Debian bookworm install mesa-vulkan-drivers from bookworm-backports, see README "WebGPU without a GPU")';

export async function probeAdapter(): Promise<AdapterProbe> {
  try {
    const adapter = await requestAdapter();
    if (!adapter) return { ok: false, reason: NO_ADAPTER };
    return {
      ok: true,
      name: adapterName(adapter),
      isFallbackAdapter: adapter.info.isFallbackAdapter ?? false,
      limits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
        maxComputeWorkgroupsPerDimension: adapter.limits.maxComputeWorkgroupsPerDimension,
      },
    };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** Opens a device with the adapter's full storage-buffer limits. */
export async function openGpu(): Promise<GpuContext> {
  const adapter = await requestAdapter();
  if (!adapter) throw new Error(NO_ADAPTER);
  const limits = {
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    maxBufferSize: adapter.limits.maxBufferSize,
    maxComputeWorkgroupsPerDimension: adapter.limits.maxComputeWorkgroupsPerDimension,
  };
  const device = await adapter.requestDevice({ requiredLimits: { ...limits } });
  let destroyedByUs = false;
  const lost = device.lost.then((info) => {
    if (destroyedByUs) return new Promise<never>(() => {});
    throw new Error(`the GPU device was lost (${info.reason}): ${info.message || 'no message'}; the run stopped and no output was kept`);
  });
  lost.catch(() => {}); // observed by whoever awaits it; never an unhandled rejection
  return {
    device,
    adapterName: adapterName(adapter),
    isFallbackAdapter: adapter.info.isFallbackAdapter ?? false,
    limits,
    lost,
    destroy() {
      destroyedByUs = true;
      device.destroy();
    },
  };
}
