import { Checkbox } from 'antd';
import { materialFileTypes, ZMaterial, type CheckIssue } from '@onevisit/item-schemas';
import { useI18n } from '../i18n';
import { FieldRow } from './FieldRow';
import { fieldId } from './paths';

type FileType = keyof typeof materialFileTypes;

const allTypes = Object.keys(materialFileTypes) as FileType[];
/** What uploads accept when the draft names no type: the model's default, as the server applies it. */
const defaultTypes = ZMaterial.shape.acceptedTypes.parse(undefined);

/**
 * The file types applicants may upload for a material, ticked by their names (PDF 文档, JPG 图片),
 * never by MIME type. None ticked leaves the list out of the draft, so the model's default applies.
 */
export function AcceptedTypesField({ at, value, onChange, issues }: { at: string; value: readonly string[] | undefined; onChange: (types: FileType[] | undefined) => void; issues: readonly CheckIssue[] }) {
  const { t, language } = useI18n();
  const path = `${at}/acceptedTypes`;
  const label = t('允许的文件类型', 'Allowed file types');
  const name = (type: FileType) => materialFileTypes[type][language === 'zh' ? 0 : 1];
  const fallback = defaultTypes.map(name).join(language === 'zh' ? '、' : ', ');
  return (
    <FieldRow
      path={path}
      label={label}
      issues={issues}
      exact={false}
      extra={t(`不勾选时接受 ${fallback}。上传的文件按内容识别类型，不看文件名；其他类型的文件会被拒收，并告诉申请人可以上传哪些类型。`, `With none ticked, ${fallback} are accepted. Files are recognised by their content, not their names; other types are refused, telling the applicant which types to upload.`)}
    >
      <div id={fieldId(path)} role="group" aria-label={label}>
        <Checkbox.Group
          value={value ? [...value] : []}
          onChange={(ticked) => onChange(ticked.length > 0 ? allTypes.filter((type) => ticked.includes(type)) : undefined)}
          options={allTypes.map((type) => ({ value: type, label: name(type) }))}
        />
      </div>
    </FieldRow>
  );
}
