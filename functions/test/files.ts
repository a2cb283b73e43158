/** Small real files, recognisable by their content, and a sale's answers for 不动产转移登记, as the API takes them and as the apply page posts them. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const TEXT = Buffer.from('这不是 PDF，只是改了扩展名的文本文件。');

/** Answers to the seeded 不动产转移登记 form for a sale whose boundary changed. */
export const saleAnswers = {
  reason: 'sale',
  certificateNumber: '示房权证第 001 号',
  location: '示范市人民路 1 号',
  boundaryChanged: true,
  transferor: { name: '张三', idCard: '11010519491231002X' },
  transferee: { name: '李四', idCard: '440524188001010014', mobile: '13812345678' },
  price: 120,
};

/** The same sale as the apply page posts it. */
export const saleForm: Record<string, string | string[]> = {
  'root[reason]': '0', // the first choice: 买卖
  'root[certificateNumber]': '示房权证第 001 号',
  'root[location]': '示范市人民路 1 号',
  'root[boundaryChanged]': ['false', 'on'], // the page's marker, then the ticked box
  'root[transferor][name]': '张三',
  'root[transferor][idCard]': '11010519491231002X',
  'root[transferee][name]': '李四',
  'root[transferee][idCard]': '440524188001010014',
  'root[transferee][mobile]': '13812345678',
  'root[price]': '120',
};
