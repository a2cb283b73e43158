import { ApiError } from './errors';

/** What an import refuses before planning anything, each with its words once (Chinese, then English). */

const MB = 1024 * 1024;

export const importUnreadable = (zh: string, en: string) => new ApiError(400, 'IMPORT_FILE_UNREADABLE', `无法读取导入文件：${zh}。请上传国家事项要素布局的 Excel(.xlsx)、CSV 或 JSON 文件`, `the import file cannot be read: ${en}. Upload an Excel (.xlsx), CSV or JSON file in the national element layout`);

export const importNotLayout = (zh: string, en: string) => new ApiError(400, 'IMPORT_NOT_LAYOUT', zh, en);

export const importTooLarge = (limit: number) => new ApiError(413, 'IMPORT_TOO_LARGE', `导入文件过大，上限 ${limit / MB} MB，请分成几个文件导入`, `the import file is too large (the limit is ${limit / MB} MB): split it into several files`);

export const importTooManyRows = (sheet: 'items' | 'materials', limit: number) =>
  new ApiError(
    413,
    'IMPORT_TOO_MANY_ROWS',
    `「${sheet === 'items' ? '事项' : '申请材料'}」超过 ${limit} 行，请分成几个文件导入`,
    `the ${sheet === 'items' ? 'items' : 'materials'} sheet has more than ${limit} rows: split it into several files`,
  );
