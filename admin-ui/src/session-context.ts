import { createContext, useContext } from 'react';
import type { Session } from './session';

interface SessionState {
  session: Session | undefined;
  signIn: (session: Session) => void;
  signOut: () => void;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside the app');
  return context;
}

/** Inside signed-in pages: the session, which is always there. */
export function useSignedIn() {
  const state = useSession();
  if (!state.session) throw new Error('not signed in');
  return { ...state, session: state.session };
}
