import { z } from 'zod';
import { itemColumns } from './item-columns';
import { materialColumns, materialKeyColumns } from './material-columns';
import { LayoutError } from './plan';
import type { ExchangeFile } from './read';
import { itemCells, itemHeaders, materialCells, materialHeaders } from './write';

/**
 * The national exchange JSON: the same elements as the spreadsheet, named by their Chinese
 * element names and holding codes, never labels; lists as arrays, 是/否 as booleans, numbers as
 * numbers, each item's materials inside it under 申请材料. It reads back as the same layout.
 */

export const EXCHANGE_FORMAT = 'onevisit/national-elements';
const MATERIALS = '申请材料';

const ZExchangeJson = z.object({
  format: z.literal(EXCHANGE_FORMAT).optional(),
  items: z.array(z.record(z.string(), z.unknown())),
});

type Bag = Record<string, unknown>;

export function toExchangeJson(definitions: readonly Bag[], meta: { jurisdiction: string; exportedAt: string }) {
  return {
    format: EXCHANGE_FORMAT,
    version: 1,
    ...meta,
    items: definitions.map((definition) => {
      const cells = itemCells(definition);
      const item: Bag = {};
      itemColumns.forEach((c, i) => {
        const value = c.codec.toJson(cells[i]!);
        if (value !== undefined) item[c.header] = value;
      });
      item[MATERIALS] = materialCells(definition).map((row) => {
        const material: Bag = {};
        materialColumns.forEach((c, i) => {
          const value = c.codec.toJson(row[i + 2]!);
          if (value !== undefined) material[c.header] = value;
        });
        return material;
      });
      return item;
    }),
  };
}

/** An exchange JSON as the layout's two sheets, numbered as a spreadsheet would number them (the header is row 1). */
export function fromExchangeJson(json: unknown): ExchangeFile {
  const parsed = ZExchangeJson.safeParse(json);
  if (!parsed.success) throw new LayoutError('JSON 文件不是国家事项要素交换格式：须有 items 数组，每项是一个事项', 'the JSON file is not the national element exchange: it needs an items array of items');
  const items = parsed.data.items;
  const withMaterials = items.some((item) => MATERIALS in item);
  let materialRow = 1;
  const materials = items.flatMap((item) => {
    const list = Array.isArray(item[MATERIALS]) ? (item[MATERIALS] as unknown[]) : [];
    const keys = [materialKeyColumns.catalogCode.codec.fromJson(item[materialKeyColumns.catalogCode.header]), materialKeyColumns.taskCode.codec.fromJson(item[materialKeyColumns.taskCode.header])];
    return list.map((m) => ({ row: ++materialRow, cells: [...keys, ...materialColumns.map((c) => c.codec.fromJson((m as Bag | null)?.[c.header]))] }));
  });
  return {
    items: { headers: [...itemHeaders], rows: items.map((item, i) => ({ row: i + 2, cells: itemColumns.map((c) => c.codec.fromJson(item[c.header])) })) },
    ...(withMaterials ? { materials: { headers: [...materialHeaders], rows: materials } } : {}),
  };
}
