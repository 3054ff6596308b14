#!/usr/bin/env node
// The `dcp` command for `npx dcp …`: runs the TypeScript entry through tsx
// (no build step, see docs/decisions/003-no-build-step.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
