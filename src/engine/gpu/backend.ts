/**
 * The WebGPU backend: one compute pipeline per plan, batches double-buffered so the GPU
 * samples batch k+1 while the host consumes batch k.
 */
import type { SamplerBackend } from '../backend.js';
import { wordBatch } from '../layout.js';
import type { PhiloxKey } from '../rng/seed.js';
import type { Plan } from '../../processes/process.js';
import { type GpuContext, openGpu } from './device.js';
import { RUN_PARAMS_BYTES, shaderSource, WORKGROUP_SIZE } from './shaderSource.js';

export interface GpuBackendOptions {
  /** Fill output buffers with 0xCA bytes before each dispatch, so an unwritten value shows (tests). */
  sentinel?: boolean;
  /** Use this GPU context instead of opening one (the caller then owns it). */
  context?: GpuContext;
  /** Fewer workgroups per dispatch dimension than the adapter allows (tests of the 2-D dispatch). */
  maxWorkgroupsPerDimension?: number;
}

/** Bytes pattern of the sentinel fill: a word a kernel never writes by accident. */
export const SENTINEL_WORD = 0xcacacaca;

interface Slot {
  output: GPUBuffer;
  staging: GPUBuffer;
  uniform: GPUBuffer;
  bindGroup: GPUBindGroup;
}

async function compile(device: GPUDevice, code: string): Promise<GPUComputePipeline> {
  const module = device.createShaderModule({ code, label: 'fipgen sampler' });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    const lines = code.split('\n');
    const detail = errors.map((m) => `line ${m.lineNum}: ${m.message}\n    ${lines[m.lineNum - 1] ?? ''}`).join('\n');
    throw new Error(`WGSL compilation failed:\n${detail}`);
  }
  device.pushErrorScope('validation');
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const err = await device.popErrorScope();
  if (err) throw new Error(`compute pipeline: ${err.message}`);
  return pipeline;
}

export async function createGpuBackend(plan: Plan, key: PhiloxKey, options: GpuBackendOptions = {}): Promise<SamplerBackend> {
  const ctx = options.context ?? (await openGpu());
  const { device } = ctx;
  const layout = plan.process.layout;
  const bytesPerEvent = layout.columns.length * 4;
  const maxGroupsX = Math.min(ctx.limits.maxComputeWorkgroupsPerDimension, options.maxWorkgroupsPerDimension ?? Infinity);
  const maxBatch = Math.floor(Math.min(ctx.limits.maxStorageBufferBindingSize, ctx.limits.maxBufferSize) / bytesPerEvent);
  let pipeline: GPUComputePipeline;
  try {
    pipeline = await compile(device, shaderSource(plan.process.shaderFiles, layout, plan.packed));
  } catch (e) {
    if (!options.context) ctx.destroy();
    throw e;
  }

  const paramValues = Float32Array.from(plan.packed.values);
  const paramBuffer = device.createBuffer({ size: Math.max(16, paramValues.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(paramBuffer, 0, paramValues);

  let slots: Slot[] = [];
  let slotCapacity = 0;
  const makeSlots = (capacity: number) => {
    for (const s of slots) {
      s.output.destroy();
      s.staging.destroy();
      s.uniform.destroy();
    }
    slots = [0, 1].map((k) => {
      const size = capacity * bytesPerEvent;
      const output = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST, label: `events ${k}` });
      const staging = device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, label: `read-back ${k}` });
      const uniform = device.createBuffer({ size: RUN_PARAMS_BYTES, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
      const bindGroup = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: uniform } },
          { binding: 1, resource: { buffer: paramBuffer } },
          { binding: 2, resource: { buffer: output } },
        ],
      });
      return { output, staging, uniform, bindGroup };
    });
    slotCapacity = capacity;
  };

  const submit = (slot: Slot, first: number, n: number): Promise<void> => {
    const run = new Uint32Array(RUN_PARAMS_BYTES / 4);
    run[0] = first >>> 0;
    run[1] = Math.floor(first / 4294967296) >>> 0;
    run[2] = n;
    run[3] = key[0];
    run[4] = key[1];
    device.queue.writeBuffer(slot.uniform, 0, run);
    const bytes = n * bytesPerEvent;
    if (options.sentinel) device.queue.writeBuffer(slot.output, 0, new Uint32Array(bytes / 4).fill(SENTINEL_WORD));
    const groups = Math.ceil(n / WORKGROUP_SIZE);
    // More groups than one dimension allows (65535 on most adapters) spill into y; the kernel
    // flattens (x, y) back to the event index.
    const gx = Math.min(groups, maxGroupsX);
    const gy = Math.ceil(groups / gx);
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, slot.bindGroup);
    pass.dispatchWorkgroups(gx, gy);
    pass.end();
    encoder.copyBufferToBuffer(slot.output, 0, slot.staging, 0, bytes);
    device.queue.submit([encoder.finish()]);
    return slot.staging.mapAsync(GPUMapMode.READ, 0, bytes);
  };

  return {
    name: 'webgpu',
    adapter: ctx.adapterName,
    maxBatch,
    async run(first, count, batchSize, consume) {
      const size = Math.min(batchSize, maxBatch, count);
      if (size < 1) return;
      if (size > slotCapacity) makeSlots(size);
      const batches: { first: number; n: number }[] = [];
      for (let done = 0; done < count; done += size) batches.push({ first: first + done, n: Math.min(size, count - done) });
      const pending: Promise<void>[] = [];
      pending[0] = submit(slots[0], batches[0].first, batches[0].n);
      for (let k = 0; k < batches.length; k++) {
        // Queue the next batch before waiting for this one: the GPU works while we consume.
        if (k + 1 < batches.length) pending[k + 1] = submit(slots[(k + 1) % 2], batches[k + 1].first, batches[k + 1].n);
        const slot = slots[k % 2];
        await Promise.race([pending[k], ctx.lost]);
        const { first: f, n } = batches[k];
        try {
          await consume(wordBatch(layout, f, n, slot.staging.getMappedRange(0, n * bytesPerEvent)));
        } finally {
          slot.staging.unmap();
        }
      }
    },
    close() {
      for (const s of slots) {
        s.output.destroy();
        s.staging.destroy();
        s.uniform.destroy();
      }
      paramBuffer.destroy();
      if (!options.context) ctx.destroy();
    },
  };
}
