import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openGpu } from '../src/engine/gpu/device.js';
import { philox4x32, uniformFromBits } from '../src/engine/rng/philox.js';
import { SHADER_DIR } from '../src/paths.js';
import { gpuAvailable } from './helpers/gpu.js';

const kat = JSON.parse(readFileSync(new URL('./data/philox4x32_10.kat.json', import.meta.url), 'utf8')) as {
  vectors: { counter: string[]; key: string[]; expected: string[] }[];
};
const hex = (s: string) => parseInt(s, 16) >>> 0;

/** Runs philox4x32 and uniformFromBits of shaders/philox.wgsl on rows of (counter, key). */
async function philoxOnGpu(rows: number[][]): Promise<{ words: Uint32Array; uniforms: Float32Array }> {
  const ctx = await openGpu();
  try {
    const { device } = ctx;
    const code = `${readFileSync(`${SHADER_DIR}/philox.wgsl`, 'utf8')}
@group(0) @binding(0) var<storage, read> inp: array<u32>;
@group(0) @binding(1) var<storage, read_write> outp: array<u32>;
@compute @workgroup_size(1)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let b = id.x * 6u;
  let r = philox4x32(vec4<u32>(inp[b], inp[b + 1u], inp[b + 2u], inp[b + 3u]), vec2<u32>(inp[b + 4u], inp[b + 5u]));
  for (var k = 0u; k < 4u; k++) {
    outp[id.x * 8u + k] = r[k];
    outp[id.x * 8u + 4u + k] = bitcast<u32>(uniformFromBits(r[k]));
  }
}`;
    const module = device.createShaderModule({ code });
    const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    const input = Uint32Array.from(rows.flat());
    const inBuf = device.createBuffer({ size: input.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(inBuf, 0, input);
    const size = rows.length * 8 * 4;
    const outBuf = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    // Sentinel fill (Random123's 0xca): a word the kernel never wrote stays visible.
    device.queue.writeBuffer(outBuf, 0, new Uint32Array(size / 4).fill(0xcacacaca));
    const readBuf = device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const enc = device.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: inBuf } }, { binding: 1, resource: { buffer: outBuf } }] }));
    pass.dispatchWorkgroups(rows.length);
    pass.end();
    enc.copyBufferToBuffer(outBuf, 0, readBuf, 0, size);
    device.queue.submit([enc.finish()]);
    await readBuf.mapAsync(GPUMapMode.READ);
    const copy = readBuf.getMappedRange().slice(0);
    readBuf.unmap();
    const all = new Uint32Array(copy);
    const words = new Uint32Array(rows.length * 4);
    const uniforms = new Float32Array(rows.length * 4);
    const asFloat = new Float32Array(copy);
    rows.forEach((_, r) => {
      for (let k = 0; k < 4; k++) {
        words[r * 4 + k] = all[r * 8 + k];
        uniforms[r * 4 + k] = asFloat[r * 8 + 4 + k];
      }
    });
    return { words, uniforms };
  } finally {
    ctx.destroy();
  }
}

describe.runIf(gpuAvailable)('Philox4x32-10, WGSL (shaders/philox.wgsl)', () => {
  it('reproduces the Random123 known-answer vectors', async () => {
    const rows = kat.vectors.map((v) => [...v.counter.map(hex), ...v.key.map(hex)]);
    const { words } = await philoxOnGpu(rows);
    expect([...words]).toEqual(kat.vectors.flatMap((v) => v.expected.map(hex)));
  });

  it('gives the TypeScript words and bit-identical uniforms for 4096 random counters', async () => {
    const rows: number[][] = [];
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let r = 0; r < 4096; r++) rows.push([next(), next(), next(), next(), next(), next()]);
    const { words, uniforms } = await philoxOnGpu(rows);
    const expected = new Uint32Array(4);
    let mismatches = 0;
    rows.forEach((row, r) => {
      philox4x32(row[0], row[1], row[2], row[3], row[4], row[5], expected);
      for (let k = 0; k < 4; k++) {
        if (words[r * 4 + k] !== expected[k] || uniforms[r * 4 + k] !== uniformFromBits(expected[k])) mismatches++;
      }
    });
    expect(mismatches).toBe(0);
  });
});
