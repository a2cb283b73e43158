import { createRoot } from 'react-dom/client';
import { PreviewTab } from '../../admin-ui/src/editor/PreviewTab';
import { I18nProvider } from '../../admin-ui/src/i18n';
import { itemWith300Fields } from './form-300';

// The editor's preview, as the official sees it.
createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <PreviewTab definition={itemWith300Fields()} />
  </I18nProvider>,
);
