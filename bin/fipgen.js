#!/usr/bin/env node
// Dawn prints a harmless error line when XDG_RUNTIME_DIR is unset (see README, "WebGPU").
if (!process.env.XDG_RUNTIME_DIR) {
  const { mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = `${tmpdir()}/fipgen-xdg-${process.getuid?.() ?? 0}`;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  process.env.XDG_RUNTIME_DIR = dir;
}
const { main } = await import('../dist/cli/main.js');
await main(process.argv);
