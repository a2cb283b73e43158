import { Alert, App as AntApp, Button, ConfigProvider, Spin } from 'antd';
// The ES modules: antd/locale/* are CommonJS, which bring the CommonJS copies of the pickers' texts.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useRouteError } from 'react-router';
import { api, whenSignedOut } from './api';
import { completeSignIn } from './hosted-sign-in';
import { useI18n } from './i18n';
import { SignInPage } from './pages/SignInPage';
import { loadSession, saveSession, type Session } from './session';
import { SessionContext, useSession } from './session-context';

// The sign-in comes with the app: it is the first screen, and small. Every other page loads when first
// opened, the frame of the signed-in pages too, so the sign-in fetches no table, the catalogue no form
// engine, the editor no workbench.
const page = <T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) => lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));
const CataloguePage = page(() => import('./items/CataloguePage'), 'CataloguePage');
const ItemEditorPage = page(() => import('./items/ItemEditorPage'), 'ItemEditorPage');
const ImportPage = page(() => import('./items/ImportPage'), 'ImportPage');
const BundleListPage = page(() => import('./bundles/BundleListPage'), 'BundleListPage');
const NewBundlePage = page(() => import('./bundles/NewBundlePage'), 'NewBundlePage');
const BundleEditorPage = page(() => import('./bundles/BundleEditorPage'), 'BundleEditorPage');
const CalendarPage = page(() => import('./pages/CalendarPage'), 'CalendarPage');
const MessagesPage = page(() => import('./pages/MessagesPage'), 'MessagesPage');
const QueuePage = page(() => import('./cases/QueuePage'), 'QueuePage');
const CaseSearchPage = page(() => import('./cases/CaseSearchPage'), 'CaseSearchPage');
const DepartmentsPage = page(() => import('./pages/DepartmentsPage'), 'DepartmentsPage');
const CasePage = page(() => import('./cases/CasePage'), 'CasePage');
const PrintPage = page(() => import('./cases/PrintPage'), 'PrintPage');
const SupervisionPage = page(() => import('./supervision/SupervisionPage'), 'SupervisionPage');
const PoorRatingsPage = page(() => import('./ratings/PoorRatingsPage'), 'PoorRatingsPage');
const PoorRatingPage = page(() => import('./ratings/PoorRatingPage'), 'PoorRatingPage');
const WindowDeskPage = page(() => import('./window/WindowDeskPage'), 'WindowDeskPage');
const DeliveryQueuePage = page(() => import('./delivery/DeliveryQueuePage'), 'DeliveryQueuePage');
const AssistancePage = page(() => import('./delivery/AssistancePage'), 'AssistancePage');

export function App() {
  const { language } = useI18n();
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const signOut = () => {
    saveSession(undefined);
    setSession(undefined);
  };
  useEffect(() => whenSignedOut(signOut), []);
  const [signInProblem, setSignInProblem] = useState<string>();
  // Back from the hosted sign-in page with a code: trade it for the token, then tidy the address.
  useEffect(() => {
    if (!new URLSearchParams(location.search).has('code')) return;
    void api
      .authConfig()
      .then((config) => (config.mode === 'hosted' ? completeSignIn(config, location) : undefined))
      .then((done) => done && signIn({ token: done.token, user: done.user, jurisdiction: done.user.jurisdiction }))
      .catch((error: unknown) => setSignInProblem(String(error instanceof Error ? error.message : error)))
      .finally(() => history.replaceState(null, '', '/admin/'));
  }, []);
  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
  };
  const [router] = useState(() =>
    createBrowserRouter(
      [
        { path: '/sign-in', element: <SignInRoute />, errorElement: <RouteError /> },
        { path: '/cases/:trackingNumber/print/:kind', element: <SignedInBare />, errorElement: <RouteError /> },
        {
          element: <SignedIn />,
          errorElement: <RouteError />,
          children: [
            { index: true, element: <Home /> },
            { path: 'items/:itemId', element: <ItemEditorPage /> },
            { path: 'exchange', element: <ImportPage /> },
            { path: 'bundles', element: <BundleListPage /> },
            { path: 'bundles/new', element: <NewBundlePage /> },
            { path: 'bundles/:bundleId', element: <BundleEditorPage /> },
            { path: 'calendar', element: <CalendarPage /> },
            { path: 'messages', element: <MessagesPage /> },
            { path: 'departments', element: <DepartmentsPage /> },
            { path: 'cases', element: <QueuePage /> },
            { path: 'cases/search', element: <CaseSearchPage /> },
            { path: 'cases/:trackingNumber', element: <CasePage /> },
            { path: 'supervision', element: <SupervisionPage /> },
            { path: 'ratings', element: <PoorRatingsPage /> },
            { path: 'ratings/:trackingNumber/:target', element: <PoorRatingPage /> },
            { path: 'window', element: <WindowDeskPage /> },
            { path: 'delivery', element: <DeliveryQueuePage /> },
            { path: 'assistance', element: <AssistancePage /> },
            { path: '*', element: <Navigate to="/" replace /> },
          ],
        },
      ],
      { basename: '/admin' },
    ),
  );
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      // Secondary text dark enough for WCAG AA contrast; no space inserted between two CJK characters
      // in buttons, so "登录" reads and is named the same way.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d4ed8', colorPrimaryHover: '#1e40af', colorPrimaryActive: '#1e3a8a', borderRadius: 4, colorLink: '#1d4ed8', colorError: '#c41d1d', colorTextSecondary: 'rgba(0, 0, 0, 0.65)', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextTertiary: 'rgba(0, 0, 0, 0.6)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' } }}
    >
      <AntApp>
        <SessionContext.Provider value={{ session, signIn, signOut }}>
          {signInProblem && <Alert type="error" showIcon banner message={signInProblem} />}
          <RouterProvider router={router} />
        </SessionContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

/** What a person sees when a page fails to load or breaks: words they can act on, not a stack trace. */
function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  const stale = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  // An alert rather than antd's Result, whose pictures would weigh on every first screen.
  return (
    <main style={{ maxWidth: 640, margin: '48px auto', padding: 16 }}>
      <Alert
        type="warning"
        showIcon
        message={stale ? t('系统已更新，请刷新页面', 'The system was updated: reload the page') : t('页面出错了', 'Something went wrong on this page')}
        description={stale ? t('刷新后即可继续，未保存的修改仍保存在本浏览器中。', 'Reload to go on; unsaved changes are kept in this browser.') : t('请刷新页面重试；如仍出错，请联系管理员。', 'Reload and try again; if it happens again, tell your administrator.')}
        action={
          <Button type="primary" onClick={() => location.reload()}>
            {t('刷新页面', 'Reload')}
          </Button>
        }
      />
    </main>
  );
}

function SignInRoute() {
  const { session } = useSession();
  return session ? <Navigate to="/" replace /> : <SignInPage />;
}

/** Officers start at their queue, window officers at the front desk, administrators at the catalogue. */
function Home() {
  const { session } = useSession();
  if (session?.user.role === 'windowOfficer') return <Navigate to="/window" replace />;
  return session?.user.role === 'officer' ? <Navigate to="/cases" replace /> : <CataloguePage />;
}

/** Signed-in pages without the frame: printable documents. */
function SignedInBare() {
  const { session } = useSession();
  return session ? (
    <Suspense fallback={<Spin />}>
      <PrintPage />
    </Suspense>
  ) : (
    <Navigate to="/sign-in" replace />
  );
}

function SignedIn() {
  const { session } = useSession();
  if (!session) return <Navigate to="/sign-in" replace />;
  return (
    <Suspense fallback={<Spin />}>
      <Shell>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Shell>
    </Suspense>
  );
}
