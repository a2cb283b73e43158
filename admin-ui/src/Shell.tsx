import { Button, Layout, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from './api';
import { useI18n } from './i18n';
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
  // Links rather than antd's Menu, whose overflow and sub-menu machinery every page would load.
  const links: [key: string, to: string, label: string][] = desk
    ? [
        ['window', '/window', t('一窗受理', 'Front desk')],
        ['delivery', '/delivery', t('统一出件', 'Results')],
        ['assistance', '/assistance', t('帮办代办', 'Help & delegation')],
        ['ratings', '/ratings', t('差评整改', 'Poor ratings')],
      ]
    : officer
    ? [
        ['cases', '/cases', t('待办件', 'Open cases')],
        ['cases/search', '/cases/search', t('办件查询', 'Find cases')],
        ['ratings', '/ratings', t('差评整改', 'Poor ratings')],
      ]
    : [
        ['items', '/', t('事项清单', 'Items')],
        ['bundles', '/bundles', t('一件事一次办', 'Bundles')],
        ['departments', '/departments', t('部门', 'Departments')],
        ['cases/search', '/cases/search', t('办件查询', 'Find cases')],
        ['calendar', '/calendar', t('工作日历', 'Calendar')],
        ['messages', '/messages', t('预警与消息', 'Warnings & messages')],
        ['supervision', '/supervision', t('电子监察', 'Supervision')],
        ['ratings', '/ratings', t('差评整改', 'Poor ratings')],
      ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, height: 'auto', lineHeight: '48px', padding: '0 16px', background: '#0f2a5c' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          {desk ? t('最多跑一次 · 综合窗口', 'OneVisit · Service window') : officer ? t('最多跑一次 · 办件工作台', 'OneVisit · Case workbench') : t('最多跑一次 · 事项配置', 'OneVisit · Item configuration')}
        </Typography.Text>
        <nav aria-label={t('主导航', 'Main')} style={{ flex: 1, minWidth: 200 }}>
          <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 4, listStyle: 'none', margin: 0, padding: 0, lineHeight: '32px' }}>
            {links.map(([key, to, label]) => (
              <li key={key}>
                <Link to={to} aria-current={section === key ? 'page' : undefined} style={{ display: 'block', padding: '0 12px', borderRadius: 4, color: section === key ? '#fff' : '#dbeafe', background: section === key ? '#1d4ed8' : 'transparent' }}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Space wrap size="small">
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
