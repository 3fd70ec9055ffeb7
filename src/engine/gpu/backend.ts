/**
 * The WebGPU backend. Per batch, on the GPU: the process's sampler writes every event's
 * columns; a reduction pass sums weights per chunk of 64 events (totals never need the
 * events on the host); for accepted-only output a scan and a scatter pass compact the
 * accepted events in event order. Only what the run keeps is copied back: the partial sums, and all events,
 * the accepted ones, or none. Batches are double-buffered, so the GPU samples batch k+1
 * while the host consumes batch k.
 */
import type { BatchResult, RowSelection, SamplerBackend } from '../backend.js';
import { wordBatch } from '../layout.js';
import type { PhiloxKey } from '../rng/seed.js';
import { type BatchTotals, emptyTotals, groupsInOrder, totalsShape, type TotalsShape, weightsOf } from '../totals.js';
import type { Plan } from '../../processes/process.js';
import { type GpuContext, openGpu } from './device.js';
import { partialStride, REDUCE_CHUNK, RUN_PARAMS_BYTES, shaderSource, WORKGROUP_SIZE } from './shaderSource.js';

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

const STORAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
const READBACK = () => GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST;

interface Pipelines {
  sample: GPUComputePipeline;
  reduce: GPUComputePipeline;
  scan: GPUComputePipeline;
  scatter: GPUComputePipeline;
}

/**
 * Compiled pipelines by device and WGSL text: a scan's masses usually share one program (the
 * parameters are in a buffer), so a shared context compiles it once.
 */
const compiled = new WeakMap<GPUDevice, Map<string, Promise<Pipelines>>>();

function compileCached(device: GPUDevice, code: string): Promise<Pipelines> {
  let byCode = compiled.get(device);
  if (!byCode) compiled.set(device, (byCode = new Map()));
  let p = byCode.get(code);
  if (!p) {
    p = compile(device, code);
    byCode.set(code, p);
    p.catch(() => byCode!.delete(code));
  }
  return p;
}

async function compile(device: GPUDevice, code: string): Promise<Pipelines> {
  const module = device.createShaderModule({ code, label: 'fipgen sampler' });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    const lines = code.split('\n');
    const detail = errors.map((m) => `line ${m.lineNum}: ${m.message}\n    ${lines[m.lineNum - 1] ?? ''}`).join('\n');
    throw new Error(`WGSL compilation failed:\n${detail}`);
  }
  device.pushErrorScope('validation');
  const make = (entryPoint: string) => device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint } });
  const [sample, reduce, scan, scatter] = await Promise.all(['main', 'reduceMain', 'scanMain', 'scatterMain'].map(make));
  const err = await device.popErrorScope();
  if (err) throw new Error(`compute pipeline: ${err.message}`);
  return { sample, reduce, scan, scatter };
}

/** Buffers of one of the two in-flight batches. */
interface Slot {
  uniform: GPUBuffer;
  output: GPUBuffer;
  partials: GPUBuffer;
  counts: GPUBuffer;
  partialsRead: GPUBuffer;
  /** rows 'all': the whole output; rows 'accepted': compact + rowIndex, their read-back and the count's. */
  outputRead?: GPUBuffer;
  compact?: GPUBuffer;
  rowIndex?: GPUBuffer;
  countRead?: GPUBuffer;
  compactRead?: GPUBuffer;
  groups: { sample: GPUBindGroup; reduce: GPUBindGroup; scan: GPUBindGroup; scatter?: GPUBindGroup };
  buffers: GPUBuffer[];
}

/** Float64 totals from the per-chunk partial sums (see reduce.wgsl for their layout). */
export function totalsFromPartials(p: Float32Array, chunks: number, shape: TotalsShape): BatchTotals {
  const totals = emptyTotals(shape);
  const groups = groupsInOrder(totals);
  const stride = partialStride(shape);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const base = chunk * stride;
    const scale = Math.exp(p[base]);
    const scale2 = Math.exp(2 * p[base]);
    groups.forEach((g, k) => {
      const o = base + 1 + 5 * k;
      g.events += p[o];
      g.accepted += p[o + 1];
      g.sumWeights += p[o + 2] * scale;
      g.sumWeightsAccepted += p[o + 3] * scale;
      g.sumWeights2Accepted += p[o + 4] * scale2;
    });
  }
  return totals;
}

export async function createGpuBackend(plan: Plan, key: PhiloxKey, options: GpuBackendOptions = {}): Promise<SamplerBackend> {
  const ctx = options.context ?? (await openGpu());
  const { device } = ctx;
  const layout = plan.process.layout;
  const ncol = layout.columns.length;
  const bytesPerEvent = ncol * 4;
  const maxGroupsX = Math.min(ctx.limits.maxComputeWorkgroupsPerDimension, options.maxWorkgroupsPerDimension ?? Infinity);
  // The largest buffer per event is the accepted-only read-back: the columns plus a row index.
  const maxBatch = Math.floor(Math.min(ctx.limits.maxStorageBufferBindingSize / bytesPerEvent, ctx.limits.maxBufferSize / (bytesPerEvent + 4)));
  const nProd = plan.productionChannels.length;
  const nDecay = plan.decayChannels.length;
  const shape = totalsShape(plan);
  const stride = partialStride(shape);
  let pipelines: Pipelines;
  try {
    pipelines = await compileCached(device, shaderSource(plan));
  } catch (e) {
    if (!options.context) ctx.destroy();
    throw e;
  }

  const paramValues = Float32Array.from(plan.packed.values);
  const paramBuffer = device.createBuffer({ size: Math.max(16, paramValues.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(paramBuffer, 0, paramValues);

  let slots: Slot[] = [];
  let slotCapacity = 0;
  let slotRows: RowSelection | undefined;
  const destroySlots = () => {
    for (const s of slots) for (const b of s.buffers) b.destroy();
    slots = [];
  };
  const makeSlots = (capacity: number, rows: RowSelection) => {
    destroySlots();
    const chunks = Math.ceil(capacity / REDUCE_CHUNK);
    slots = [0, 1].map((k) => {
      const buffers: GPUBuffer[] = [];
      const buf = (size: number, usage: number, label: string) => {
        const b = device.createBuffer({ size: Math.max(16, size), usage, label: `${label} ${k}` });
        buffers.push(b);
        return b;
      };
      const uniform = buf(RUN_PARAMS_BYTES, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 'run params');
      const output = buf(capacity * bytesPerEvent, STORAGE(), 'events');
      const partials = buf(chunks * stride * 4, STORAGE(), 'partial sums');
      const counts = buf((chunks + 1) * 4, STORAGE(), 'accepted counts');
      const partialsRead = buf(chunks * stride * 4, READBACK(), 'partial sums read-back');
      const slot: Slot = {
        uniform, output, partials, counts, partialsRead, buffers,
        groups: {
          sample: bindGroup(pipelines.sample, [uniform, paramBuffer, output], [0, 1, 2]),
          reduce: bindGroup(pipelines.reduce, [uniform, output, partials, counts], [0, 2, 3, 4]),
          scan: bindGroup(pipelines.scan, [uniform, counts], [0, 4]),
        },
      };
      if (rows === 'all') slot.outputRead = buf(capacity * bytesPerEvent, READBACK(), 'events read-back');
      if (rows === 'accepted') {
        slot.compact = buf(capacity * bytesPerEvent, STORAGE(), 'accepted events');
        slot.rowIndex = buf(capacity * 4, STORAGE(), 'accepted row index');
        slot.countRead = buf(4, READBACK(), 'accepted count read-back');
        slot.compactRead = buf(capacity * (bytesPerEvent + 4), READBACK(), 'accepted read-back');
        slot.groups.scatter = bindGroup(pipelines.scatter, [uniform, output, counts, slot.compact, slot.rowIndex], [0, 2, 4, 5, 6]);
      }
      return slot;
    });
    slotCapacity = capacity;
    slotRows = rows;
  };
  function bindGroup(pipeline: GPUComputePipeline, buffers: GPUBuffer[], bindings: number[]): GPUBindGroup {
    return device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: bindings.map((binding, i) => ({ binding, resource: { buffer: buffers[i] } })) });
  }

  const dispatch = (pass: GPUComputePassEncoder, pipeline: GPUComputePipeline, group: GPUBindGroup, workgroups: number) => {
    // More groups than one dimension allows (65535 on most adapters) spill into y; the
    // kernels flatten (x, y) back to the event index.
    const gx = Math.min(workgroups, maxGroupsX);
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(gx, Math.ceil(workgroups / gx));
  };

  /** Queues batch [first, first + n) in a slot; resolves when its read-backs are mapped. */
  const submit = (slot: Slot, first: number, n: number, rows: RowSelection): Promise<unknown> => {
    const run = new Uint32Array(RUN_PARAMS_BYTES / 4);
    run[0] = first >>> 0;
    run[1] = Math.floor(first / 4294967296) >>> 0;
    run[2] = n;
    run[3] = key[0];
    run[4] = key[1];
    device.queue.writeBuffer(slot.uniform, 0, run);
    const bytes = n * bytesPerEvent;
    if (options.sentinel) device.queue.writeBuffer(slot.output, 0, new Uint32Array(bytes / 4).fill(SENTINEL_WORD));
    const chunks = Math.ceil(n / REDUCE_CHUNK);
    const chunkGroups = Math.ceil(chunks / WORKGROUP_SIZE);
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    dispatch(pass, pipelines.sample, slot.groups.sample, Math.ceil(n / WORKGROUP_SIZE));
    dispatch(pass, pipelines.reduce, slot.groups.reduce, chunkGroups);
    if (rows === 'accepted') {
      dispatch(pass, pipelines.scan, slot.groups.scan, 1);
      dispatch(pass, pipelines.scatter, slot.groups.scatter!, chunkGroups);
    }
    pass.end();
    encoder.copyBufferToBuffer(slot.partials, 0, slot.partialsRead, 0, chunks * stride * 4);
    if (rows === 'all') encoder.copyBufferToBuffer(slot.output, 0, slot.outputRead!, 0, bytes);
    if (rows === 'accepted') encoder.copyBufferToBuffer(slot.counts, chunks * 4, slot.countRead!, 0, 4);
    device.queue.submit([encoder.finish()]);
    const maps = [slot.partialsRead.mapAsync(GPUMapMode.READ, 0, chunks * stride * 4)];
    if (rows === 'all') maps.push(slot.outputRead!.mapAsync(GPUMapMode.READ, 0, bytes));
    if (rows === 'accepted') maps.push(slot.countRead!.mapAsync(GPUMapMode.READ, 0, 4));
    return Promise.all(maps);
  };

  /** Copies the first m accepted events (and their row indices) back; resolves mapped. */
  const fetchAccepted = async (slot: Slot, n: number, m: number): Promise<void> => {
    const encoder = device.createCommandEncoder();
    for (let c = 0; c < ncol; c++) encoder.copyBufferToBuffer(slot.compact!, c * n * 4, slot.compactRead!, c * m * 4, m * 4);
    encoder.copyBufferToBuffer(slot.rowIndex!, 0, slot.compactRead!, ncol * m * 4, m * 4);
    device.queue.submit([encoder.finish()]);
    await Promise.race([slot.compactRead!.mapAsync(GPUMapMode.READ, 0, (ncol + 1) * m * 4), ctx.lost]);
  };

  const consumeSlot = async (slot: Slot, first: number, n: number, rows: RowSelection, consume: (r: BatchResult) => Promise<void> | void) => {
    const chunks = Math.ceil(n / REDUCE_CHUNK);
    const mapped: GPUBuffer[] = [slot.partialsRead];
    try {
      const totals = totalsFromPartials(new Float32Array(slot.partialsRead.getMappedRange(0, chunks * stride * 4)), chunks, shape);
      let result: BatchResult = { firstEvent: first, sampled: n, totals };
      if (rows === 'all') {
        mapped.push(slot.outputRead!);
        const events = wordBatch(layout, first, n, slot.outputRead!.getMappedRange(0, n * bytesPerEvent));
        result = { ...result, events, weights: weightsOf(events) };
      } else if (rows === 'accepted') {
        mapped.push(slot.countRead!);
        const m = new Uint32Array(slot.countRead!.getMappedRange(0, 4))[0];
        if (m > 0) {
          await fetchAccepted(slot, n, m);
          mapped.push(slot.compactRead!);
          const range = slot.compactRead!.getMappedRange(0, (ncol + 1) * m * 4);
          const events = wordBatch(layout, first, m, range, new Uint32Array(range, ncol * m * 4, m));
          result = { ...result, events, weights: weightsOf(events) };
        }
      }
      await consume(result);
    } finally {
      for (const b of mapped) b.unmap();
    }
  };

  return {
    name: 'webgpu',
    adapter: ctx.adapterName,
    maxBatch,
    async run(first, count, batchSize, rows, consume) {
      const size = Math.min(batchSize, maxBatch, count);
      if (size < 1) return;
      if (slotCapacity < size || slotRows !== rows) makeSlots(size, rows);
      const batches: { first: number; n: number }[] = [];
      for (let done = 0; done < count; done += size) batches.push({ first: first + done, n: Math.min(size, count - done) });
      const pending: Promise<unknown>[] = [];
      pending[0] = submit(slots[0], batches[0].first, batches[0].n, rows);
      for (let k = 0; k < batches.length; k++) {
        // Queue the next batch before waiting for this one: the GPU works while we consume.
        if (k + 1 < batches.length) pending[k + 1] = submit(slots[(k + 1) % 2], batches[k + 1].first, batches[k + 1].n, rows);
        await Promise.race([pending[k], ctx.lost]);
        await consumeSlot(slots[k % 2], batches[k].first, batches[k].n, rows, consume);
      }
    },
    close() {
      destroySlots();
      paramBuffer.destroy();
      if (!options.context) ctx.destroy();
    },
  };
}
