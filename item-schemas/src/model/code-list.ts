import { z } from 'zod';
import { orderedCodes, type Labels } from './code-order';

/** A code list as the model's enum, its labels kept in the schema so every renderer shows them. */
export function codeList<K extends string>(labels: Labels<K>) {
  return z.enum(orderedCodes(labels) as [K, ...K[]]).meta({ labels });
}
