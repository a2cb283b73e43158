import { Button, Layout, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { api } from './api';
import { useI18n } from './i18n';
import { NavMenu, type NavEntry } from './NavMenu';
import { useSignedIn } from './session-context';

/** The frame of every signed-in page: who is signed in, for which jurisdiction, the language. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { session, signIn, signOut } = useSignedIn();
  const location = useLocation();
  const jurisdictions = useQuery({ queryKey: ['jurisdictions'], queryFn: api.jurisdictions });
  const current = jurisdictions.data?.find((j) => j.id === session.jurisdiction);
  const platform = session.user.role === 'platformAdmin';
  const officer = session.user.role === 'officer';
  const desk = session.user.role === 'windowOfficer';
  const section = ['/window', '/delivery', '/assistance', '/cases/search', '/cases', '/bundles', '/departments', '/calendar', '/messages', '/supervision', '/ratings'].find((p) => location.pathname.startsWith(p))?.slice(1) ?? 'items';
  // Links rather than antd's Menu, whose overflow and sub-menu machinery every page would load;
  // the administrator's oversight pages share one entry, so the header keeps to one line at 1280 px.
  const links: NavEntry[] = desk
    ? [
        { key: 'window', to: '/window', label: t('一窗受理', 'Front desk') },
        { key: 'delivery', to: '/delivery', label: t('统一出件', 'Results') },
        { key: 'assistance', to: '/assistance', label: t('帮办代办', 'Help & delegation') },
        { key: 'ratings', to: '/ratings', label: t('差评整改', 'Poor ratings') },
      ]
    : officer
    ? [
        { key: 'cases', to: '/cases', label: t('待办件', 'Open cases') },
        { key: 'cases/search', to: '/cases/search', label: t('办件查询', 'Find cases') },
        { key: 'ratings', to: '/ratings', label: t('差评整改', 'Poor ratings') },
      ]
    : [
        { key: 'items', to: '/', label: t('事项清单', 'Items') },
        { key: 'bundles', to: '/bundles', label: t('一件事一次办', 'Bundles') },
        { key: 'departments', to: '/departments', label: t('部门', 'Departments') },
        { key: 'cases/search', to: '/cases/search', label: t('办件查询', 'Find cases') },
        { key: 'calendar', to: '/calendar', label: t('工作日历', 'Calendar') },
        {
          key: 'oversight',
          label: t('监督评价', 'Oversight'),
          links: [
            { key: 'supervision', to: '/supervision', label: t('电子监察', 'Supervision') },
            { key: 'ratings', to: '/ratings', label: t('差评整改', 'Poor ratings') },
            { key: 'messages', to: '/messages', label: t('预警与消息', 'Warnings & messages') },
          ],
        },
      ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, height: 'auto', minHeight: 48, lineHeight: '48px', padding: '4px 16px', background: '#0f2a5c' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          {desk ? t('最多跑一次 · 综合窗口', 'OneVisit · Service window') : officer ? t('最多跑一次 · 办件工作台', 'OneVisit · Case workbench') : t('最多跑一次 · 事项配置', 'OneVisit · Item configuration')}
        </Typography.Text>
        <NavMenu label={t('主导航', 'Main')} entries={links} section={section} />
        <Space wrap size="small" style={{ lineHeight: '32px' }}>
          {platform ? (
            <Select
              aria-label={t('当前区划', 'Jurisdiction')}
              size="small"
              style={{ minWidth: 150 }}
              value={session.jurisdiction}
              options={(jurisdictions.data ?? []).map((j) => ({ value: j.id, label: j.name }))}
              onChange={(jurisdiction: string) => signIn({ ...session, jurisdiction })}
            />
          ) : (
            <Tag color="blue" aria-label={t('当前区划', 'Jurisdiction')}>
              {current?.name ?? session.jurisdiction}
            </Tag>
          )}
          <Typography.Text style={{ color: '#dbeafe' }}>{session.user.name}</Typography.Text>
          <Segmented
            size="small"
            aria-label={t('界面语言', 'Language')}
            value={language}
            onChange={(value) => setLanguage(value as 'zh' | 'en')}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'EN' },
            ]}
          />
          <Button size="small" onClick={signOut}>
            {t('退出', 'Sign out')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
