#!/usr/bin/env node
// The `onevisit` command. It runs the TypeScript sources directly through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
