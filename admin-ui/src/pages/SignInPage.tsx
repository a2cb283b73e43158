import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Spin, Tag, theme, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { api } from '../api';
import { authorizeUrl, type HostedSignIn } from '../hosted-sign-in';
import { useI18n } from '../i18n';
import { useSession } from '../session-context';
import type { User } from '@onevisit/functions/records';

const roleNames: Record<User['role'], [string, string]> = {
  platformAdmin: ['平台管理员', 'Platform administrator'],
  jurisdictionAdmin: ['区划管理员', 'Jurisdiction administrator'],
  windowOfficer: ['综合窗口工作人员', 'Window officer'],
  officer: ['部门工作人员', 'Officer'],
  citizen: ['申请人', 'Applicant'],
};

/**
 * Local mode: choose a demo official (the API issues a real signed token for them). In AWS:
 * the button goes to the hosted sign-in page, which sends the official back with a code.
 */
/**
 * The first screen anyone sees, so it is drawn with the fewest components: a bordered box and a
 * plain list rather than antd's Card (which brings Tabs and Menu) and List (which brings
 * Pagination and Select).
 */
export function SignInPage() {
  const { t, language, setLanguage } = useI18n();
  const { signIn } = useSession();
  const design = theme.useToken().token;
  const config = useQuery({ queryKey: ['auth-config'], queryFn: api.authConfig });
  const local = config.data?.mode === 'local';
  const users = useQuery({ queryKey: ['demo-users'], queryFn: api.users, enabled: local });
  const jurisdictions = useQuery({ queryKey: ['jurisdictions'], queryFn: api.jurisdictions });
  const nameOf = (id: string) => jurisdictions.data?.find((j) => j.id === id)?.name ?? id;
  const officials = (users.data ?? []).filter((u) => u.role !== 'citizen');
  const box: CSSProperties = { marginTop: 16, border: `1px solid ${design.colorBorderSecondary}`, borderRadius: design.borderRadiusLG, background: design.colorBgContainer };
  return (
    <main style={{ maxWidth: 640, margin: '48px auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('登录事项配置', 'Sign in to item configuration')}
        </Typography.Title>
        <Segmented aria-label={t('界面语言', 'Language')} value={language} onChange={(v) => setLanguage(v as 'zh' | 'en')} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]} />
      </Space>
      {config.data?.mode === 'hosted' && (
        <section style={{ ...box, padding: 24 }}>
          <Typography.Paragraph>{t('使用统一身份认证账号登录(需要动态口令)。', 'Sign in with your government account (a one-time code is required).')}</Typography.Paragraph>
          <Button type="primary" onClick={async () => location.assign(await authorizeUrl(config.data as HostedSignIn, location.origin))}>
            {t('统一身份认证登录', 'Sign in')}
          </Button>
        </section>
      )}
      {local && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('本地演示环境：选择一位演示用户登录。', 'Local demo: choose a demo user to sign in as.')}
          </Typography.Paragraph>
          {users.isError && <Alert type="error" showIcon message={t('无法读取演示用户', 'Cannot load the demo users')} />}
          {users.isLoading && <Spin />}
          {officials.length > 0 && (
            <ul style={{ ...box, listStyle: 'none', margin: 0, padding: '0 24px' }}>
              {officials.map((user, index) => (
                <li key={`${user.jurisdiction}/${user.id}`} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '12px 0', borderTop: index > 0 ? `1px solid ${design.colorSplit}` : undefined }}>
                  <div style={{ flex: 1 }}>
                    <Typography.Text strong>{user.name}</Typography.Text>
                    <div style={{ marginTop: 4 }}>
                      <Tag>{nameOf(user.jurisdiction)}</Tag>
                      <Tag color="blue">{t(...roleNames[user.role])}</Tag>
                    </div>
                  </div>
                  <Button
                    type="primary"
                    aria-label={`${t('登录为', 'Sign in as')} ${user.name}`}
                    onClick={async () => {
                      const { token } = await api.signIn(user.jurisdiction, user.id);
                      signIn({ token, user, jurisdiction: user.jurisdiction });
                    }}
                  >
                    {t('登录', 'Sign in')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}
