// The page frame: who is signed in, what they may open, and which screen the
// address names. Menus follow roles, so each person sees their own work first.
import { useEffect } from 'preact/hooks';
import { pending, reauthentication } from './lib/api';
import { language, setLang, tr } from './lib/i18n';
import { href, match, navigate, useRoute } from './lib/router';
import { hasRole, session, type User } from './lib/session';
import { useSignal } from './lib/signal';
import { SignInForm, SignOutButton } from './pages/sign-in';
import { PlanList } from './pages/plans/plan-list';
import { NewPlan } from './pages/plans/new-plan';
import { PlanPage } from './pages/plans/plan-page';
import { ReportList } from './pages/reports/report-list';
import { ReportPage } from './pages/reports/report-page';
import { ProvincialReports } from './pages/reports/provincial';
import { ProvincesAdmin } from './pages/admin/provinces';
import { AgenciesAdmin } from './pages/admin/agencies';
import { UsersAdmin } from './pages/admin/users';
import { WorkflowsAdmin } from './pages/admin/workflows';
import { WorkflowPage } from './pages/admin/workflow-page';
import type { JSX } from 'preact';

interface Screen {
  pattern: string;
  render: (params: Record<string, string>, query: URLSearchParams) => JSX.Element;
}

const SCREENS: Screen[] = [
  { pattern: '/plans', render: (_, q) => <PlanList query={q} /> },
  { pattern: '/inbox', render: () => <PlanList inbox /> },
  { pattern: '/plans/new', render: () => <NewPlan /> },
  { pattern: '/plans/:id', render: (p, q) => <PlanPage id={Number(p.id)} tab={q.get('tab') ?? undefined} at={q.get('at') ?? undefined} /> },
  { pattern: '/reports', render: () => <ReportList /> },
  { pattern: '/reports/:id', render: (p) => <ReportPage id={Number(p.id)} /> },
  { pattern: '/provincial', render: (_, q) => <ProvincialReports query={q} /> },
  { pattern: '/admin/provinces', render: () => <ProvincesAdmin /> },
  { pattern: '/admin/agencies', render: () => <AgenciesAdmin /> },
  { pattern: '/admin/users', render: () => <UsersAdmin /> },
  { pattern: '/admin/workflows', render: () => <WorkflowsAdmin /> },
  { pattern: '/admin/workflows/:id', render: (p, q) => <WorkflowPage id={p.id} version={q.get('version') ?? undefined} /> },
];

interface MenuItem {
  path: string;
  label: () => string;
  visible: (u: User) => boolean;
}

const isAgency = (u: User) => hasRole(u, 'agency_officer', 'agency_head');
const isCommittee = (u: User) => hasRole(u, 'committee_member', 'committee_chair');
const isSecretary = (u: User) => hasRole(u, 'committee_secretary', 'committee_chair');
const isAdmin = (u: User) => hasRole(u, 'admin');

const MENU: MenuItem[] = [
  { path: '/inbox', label: () => tr('รอการพิจารณาของฉัน', 'Awaiting me'), visible: (u) => isCommittee(u) || hasRole(u, 'agency_head') },
  { path: '/plans', label: () => tr('แผนทั้งหมด', 'Plans'), visible: () => true },
  { path: '/plans/new', label: () => tr('จัดทำแผนใหม่', 'New plan'), visible: (u) => hasRole(u, 'agency_officer') },
  { path: '/reports', label: () => tr('รายงานผลรายไตรมาส', 'Quarterly progress'), visible: isAgency },
  { path: '/provincial', label: () => tr('รายงานระดับจังหวัด', 'Provincial reports'), visible: (u) => isSecretary(u) || isCommittee(u) || hasRole(u, 'observer') },
  { path: '/admin/users', label: () => tr('ผู้ใช้งาน', 'Users'), visible: isAdmin },
  { path: '/admin/agencies', label: () => tr('หน่วยงาน', 'Agencies'), visible: isAdmin },
  { path: '/admin/provinces', label: () => tr('จังหวัด', 'Provinces'), visible: isAdmin },
  { path: '/admin/workflows', label: () => tr('ขั้นตอนการทำงาน', 'Workflows'), visible: isAdmin },
];

/** Where each person lands after signing in. */
export function homeFor(u: User): string {
  if (isCommittee(u) || hasRole(u, 'agency_head')) return '/inbox';
  if (hasRole(u, 'agency_officer')) return '/plans';
  if (isSecretary(u)) return '/provincial';
  if (isAdmin(u)) return '/admin/users';
  return '/plans';
}

function ProgressBar() {
  const count = useSignal(pending);
  return <div class={`progress${count > 0 ? ' progress--active' : ''}`} role="progressbar" aria-hidden={count === 0} aria-label={tr('กำลังดำเนินการ', 'Working')} />;
}

function ReauthDialog() {
  const resolve = useSignal(reauthentication);
  if (!resolve) return null;
  return (
    <div class="modal-backdrop">
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="reauth-title">
        <h2 id="reauth-title">{tr('หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง', 'Your session has ended; please sign in again')}</h2>
        <p>{tr('ข้อมูลที่ท่านกรอกไว้ยังอยู่ และจะส่งต่อให้ทันทีหลังเข้าสู่ระบบ', 'What you typed is kept and will be sent as soon as you are signed in')}</p>
        <SignInForm username={session.value?.user.username} onDone={(s) => resolve(s)} onCancel={() => resolve(null)} />
      </div>
    </div>
  );
}

export function App() {
  const route = useRoute();
  const current = useSignal(session);
  useSignal(language);
  useEffect(() => {
    document.title = tr('planflow — ระบบแผนและการอนุมัติ', 'planflow — plans and approvals');
  });

  if (!current) {
    return (
      <main class="sign-in-page">
        <ProgressBar />
        <div class="sign-in-card">
          <h1>planflow</h1>
          <p class="lead">{tr('ระบบจัดทำ อนุมัติ และรายงานผลแผนระดับจังหวัด', 'Provincial plans: drafting, approval and reporting')}</p>
          <SignInForm onDone={(s) => navigate(homeFor(s.user))} />
          <LanguageSwitch />
        </div>
      </main>
    );
  }

  const user = current.user;
  let page: JSX.Element | null = null;
  for (const screen of SCREENS) {
    const params = match(screen.pattern, route.path);
    if (params) {
      page = screen.render(params, route.query);
      break;
    }
  }
  if (route.path === '/' || !page) {
    if (route.path === '/') navigate(homeFor(user));
    page = page ?? <p>{tr('ไม่พบหน้านี้', 'There is no such page')}</p>;
  }

  return (
    <>
      <ProgressBar />
      <a class="skip-link" href="#main">
        {tr('ข้ามไปยังเนื้อหา', 'Skip to content')}
      </a>
      <header class="top-bar">
        <a class="brand" href={href(homeFor(user))}>
          planflow
        </a>
        <nav aria-label={tr('เมนูหลัก', 'Main menu')}>
          <ul>
            {MENU.filter((m) => m.visible(user)).map((m) => (
              <li key={m.path}>
                <a href={href(m.path)} aria-current={route.path === m.path ? 'page' : undefined}>
                  {m.label()}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class="who-name" data-testid="who">
            {user.display_name}
          </span>
          <LanguageSwitch />
          <SignOutButton />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <ReauthDialog />
    </>
  );
}

function LanguageSwitch() {
  const current = useSignal(language);
  return (
    <button type="button" class="link-button" lang={current === 'th' ? 'en' : 'th'} onClick={() => setLang(current === 'th' ? 'en' : 'th')}>
      {current === 'th' ? 'English' : 'ภาษาไทย'}
    </button>
  );
}
