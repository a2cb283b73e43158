import { ensureAdminUiBuilt } from '../../functions/src/admin-ui';

/**
 * The servers the HTTP tests start serve the built UI. Building it once here, before any test
 * file runs, keeps parallel test files from building it at the same time.
 */
export default function setup(): void {
  ensureAdminUiBuilt();
}
