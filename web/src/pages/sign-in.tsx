import { useState } from 'preact/hooks';
import { ApiError, signIn, signOut } from '../lib/api';
import { tr } from '../lib/i18n';
import { navigate } from '../lib/router';
import type { Session } from '../lib/session';
import { asApiError } from '../lib/use-async';
import { Field, ProblemView } from '../components/ui';

export function SignInForm(props: { username?: string; onDone: (s: Session) => void; onCancel?: () => void }) {
  const [username, setUsername] = useState(props.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onDone(await signIn(username.trim(), password));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={submit} aria-label={tr('เข้าสู่ระบบ', 'Sign in')}>
      <ProblemView error={error} />
      <Field id="sign-in-username" label={tr('ชื่อผู้ใช้', 'Username')}>
        <input id="sign-in-username" name="username" autoComplete="username" required value={username}
          onInput={(e) => setUsername(e.currentTarget.value)} />
      </Field>
      <Field id="sign-in-password" label={tr('รหัสผ่าน', 'Password')}>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} />
      </Field>
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? tr('กำลังเข้าสู่ระบบ…', 'Signing in…') : tr('เข้าสู่ระบบ', 'Sign in')}
        </button>
        {props.onCancel && (
          <button type="button" class="button" onClick={props.onCancel}>
            {tr('ยกเลิก', 'Cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function SignOutButton() {
  return (
    <button type="button" class="link-button" onClick={async () => {
      await signOut();
      navigate('/');
    }}>
      {tr('ออกจากระบบ', 'Sign out')}
    </button>
  );
}
