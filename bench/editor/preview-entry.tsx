import { createRoot } from 'react-dom/client';
import { PreviewTab } from '../../admin-ui/src/items/PreviewTab';
import { I18nProvider } from '../../admin-ui/src/i18n';
import { itemWithFields } from './form-fields';

// The editor's preview, as the official sees it.
createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <PreviewTab definition={itemWithFields(300)} />
  </I18nProvider>,
);
