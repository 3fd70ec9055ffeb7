/** Locations of the files fipgen ships beside its code (shaders, geometry, presets). */
import { fileURLToPath } from 'node:url';

// This file sits one level below the package root both as src/paths.ts and dist/paths.js.
const root = fileURLToPath(new URL('..', import.meta.url));

export const PACKAGE_ROOT = root;
export const SHADER_DIR = `${root}shaders`;
export const GEOMETRY_DIR = `${root}geometry`;
export const SCENARIO_DIR = `${root}scenarios`;
