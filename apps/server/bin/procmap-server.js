#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx compiles them on the fly, so there is no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');
