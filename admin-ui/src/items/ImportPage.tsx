import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';
import { ExportCard } from './ExportCard';
import { runImport, type ImportProgress, type ImportReport } from './exchange-api';
import { ImportReportTable } from './ImportReportTable';

/**
 * 导入/导出: a jurisdiction's list in the national element layout. A file is previewed first
 * (every problem per row and element, nothing written); importing then saves the rows without
 * problems as drafts, showing how far it has got, and links to them.
 */
export function ImportPage() {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const queries = useQueryClient();
  const [file, setFile] = useState<File>();
  const [materials, setMaterials] = useState<File>();
  const [preview, setPreview] = useState<ImportReport>();
  const [result, setResult] = useState<ImportReport>();
  const [progress, setProgress] = useState<ImportProgress & { writing: boolean }>();
  const [problem, setProblem] = useState<string>();
  const csv = !!file && /\.csv$/i.test(file.name);

  if (!canConfigure(session)) return <Alert type="info" showIcon message={t('只有区划管理员可以导入和导出事项。', 'Only jurisdiction administrators import and export items.')} />;

  const choose = (next: File | undefined, which: 'file' | 'materials') => {
    if (which === 'file') setFile(next);
    else setMaterials(next);
    setPreview(undefined);
    setResult(undefined);
    setProblem(undefined);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setProblem(undefined);
    setProgress({ phase: 'plan', done: 0, total: 0, writing: !dryRun });
    try {
      const report = await runImport(j, { file, ...(csv && materials ? { materials } : {}) }, dryRun, (p) => setProgress({ ...p, writing: !dryRun }));
      if (dryRun) setPreview(report);
      else {
        setResult(report);
        setPreview(undefined);
        await queries.invalidateQueries({ queryKey: ['items', j] });
      }
    } catch (error) {
      setProblem(error instanceof ApiError ? pick(error) : String(error));
    } finally {
      setProgress(undefined);
    }
  };

  const importable = (preview?.counts.create ?? 0) + (preview?.counts.update ?? 0);
  const confirmImport = () => {
    if (!preview?.counts.skip) return void run(false);
    Modal.confirm({
      title: t(`有 ${preview.counts.skip} 行有问题，不会导入`, `${preview.counts.skip} rows have problems and will be left out`),
      content: t(`将导入其余 ${importable} 行。改正文件后再次导入即可补上这些行，已导入的行不会重复。`, `The other ${importable} rows will be imported. Fix the file and import it again to add the rest; rows already imported are not duplicated.`),
      okText: t('导入', 'Import'),
      cancelText: t('取消', 'Cancel'),
      onOk: () => run(false),
    });
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('导入/导出', 'Import and export')}
        </Typography.Title>
        <Link to="/">{t('返回事项清单', 'Back to the items')}</Link>
      </Space>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('从表格导入', 'Import from a spreadsheet')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t(
                '上传国家事项要素布局的 Excel(「事项」每行一个事项，「申请材料」每行一项材料)、CSV 或交换 JSON。先预览：逐行列出问题，不写入任何内容。导入后没有问题的行保存为草稿：已有事项(按实施编码，没有时按基本编码对应)只更新国家要素，办理环节、申请表和材料的上传设置不变；新事项还需补充办理环节和申请表后才能发布。材料的「适用情形」不能从表格导入。',
                'Upload an Excel file in the national element layout (sheet 事项, an item a row; sheet 申请材料, a material a row), a CSV or the exchange JSON. Preview it first: every problem, row by row, and nothing is written. Importing saves the rows without problems as drafts: an existing item (found by its implementation code, else its catalogue code) gets only the national elements, keeping its steps, intake form and materials’ upload settings; a new item needs its steps and intake form before it can be published. When a material applies (适用情形) cannot be imported from a spreadsheet.',
              )}
            </Typography.Paragraph>
            <Upload.Dragger accept=".xlsx,.csv,.json" maxCount={1} beforeUpload={(f) => (choose(f, 'file'), false)} onRemove={() => choose(undefined, 'file')} fileList={file ? [{ uid: 'file', name: file.name }] : []} aria-label={t('选择导入文件', 'Choose the file to import')}>
              <p>{t('点击或拖入文件(.xlsx、.csv、.json，最大 10 MB，最多 5000 个事项)', 'Click or drop a file here (.xlsx, .csv or .json; up to 10 MB and 5,000 items)')}</p>
            </Upload.Dragger>
            {csv && (
              <Upload accept=".csv" maxCount={1} beforeUpload={(f) => (choose(f, 'materials'), false)} onRemove={() => choose(undefined, 'materials')} fileList={materials ? [{ uid: 'materials', name: materials.name }] : []}>
                <Button>{t('申请材料 CSV(可选)', 'Materials CSV (optional)')}</Button>
              </Upload>
            )}
            <Space wrap>
              <Button type={preview ? 'default' : 'primary'} disabled={!file || !!progress} onClick={() => run(true)}>
                {t('预览', 'Preview')}
              </Button>
              {preview && (
                <Button type="primary" disabled={importable === 0 || !!progress} onClick={confirmImport}>
                  {t(`导入 ${importable} 行`, `Import ${importable} rows`)}
                </Button>
              )}
            </Space>
            {progress && (
              <div role="status" aria-live="polite">
                <Typography.Text>
                  {progress.total === 0
                    ? t('正在上传和读取文件…', 'Uploading and reading the file…')
                    : progress.phase === 'plan'
                      ? t(`正在检查第 ${progress.done}/${progress.total} 行…`, `Checking row ${progress.done} of ${progress.total}…`)
                      : t(`正在保存 ${progress.done}/${progress.total}…`, `Saving ${progress.done} of ${progress.total}…`)}
                </Typography.Text>
                <Progress percent={progress.writing && progress.phase === 'plan' ? Math.round(percent / 2) : progress.writing ? 50 + Math.round(percent / 2) : percent} status="active" />
              </div>
            )}
            {problem && <Alert type="error" showIcon message={problem} />}
            {result && (
              <Alert
                type={result.counts.skip + result.counts.failed > 0 ? 'warning' : 'success'}
                showIcon
                message={t(
                  `已导入为草稿：新建 ${result.counts.create}，更新 ${result.counts.update}，无变化 ${result.counts.unchanged}，未导入 ${result.counts.skip + result.counts.failed}。草稿发布前请检查。`,
                  `Imported as drafts: ${result.counts.create} created, ${result.counts.update} updated, ${result.counts.unchanged} unchanged, ${result.counts.skip + result.counts.failed} left out. Check the drafts before publishing them.`,
                )}
              />
            )}
            {(preview ?? result) && <ImportReportTable report={(preview ?? result)!} />}
          </Space>
        </Card>
        <ExportCard jurisdiction={j} />
      </Space>
    </>
  );
}
