import type { User } from '@onevisit/functions/records';

/** The signed-in official: a bearer token and who it names, kept for the browser session. */
export interface Session {
  token: string;
  user: User;
  /** The jurisdiction being worked on: the user's own, or any for a platform administrator. */
  jurisdiction: string;
}

const KEY = 'onevisit.session';

export function loadSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

export const canConfigure = (session: Session) => session.user.role === 'jurisdictionAdmin' || session.user.role === 'platformAdmin';
