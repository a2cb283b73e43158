/**
 * After a new release the files of the old one are gone: a page opened before it cannot load the
 * screens it has not shown yet. The browser then loads the new release once, instead of showing
 * an error; if that does not help (the server is really down), the error page says so.
 */
const RELOADED = 'onevisit.reloaded-for-release';

export function reloadOnStaleBuild(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (sessionStorage.getItem(RELOADED) === location.pathname) return;
    event.preventDefault();
    sessionStorage.setItem(RELOADED, location.pathname);
    location.reload();
  });
  // Loaded fine: a later release may reload again.
  window.addEventListener('load', () => setTimeout(() => sessionStorage.removeItem(RELOADED), 10_000));
}
