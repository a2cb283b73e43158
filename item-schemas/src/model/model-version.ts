/**
 * The version of the item model a definition is written in. A change that would make a stored
 * definition read differently raises it and adds a step to migrations.ts; definitions without one
 * were written with version 1.
 */
export const MODEL_VERSION = 2;
