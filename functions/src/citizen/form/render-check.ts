import { defaultAnswers, type CheckIssue, type ItemDefinition } from '@onevisit/item-schemas';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CitizenForm } from './CitizenForm';

/**
 * 发布前把申请页渲染一遍 / The publish check that renders the blank application page once: a form
 * the renderer cannot draw (an input it does not know, a schema it cannot read) is refused at
 * publish instead of answering 500 to every applicant afterwards.
 */
export function renderIssues(item: ItemDefinition): CheckIssue[] {
  const { schema, uiSchema } = item.form;
  try {
    const html = renderToStaticMarkup(createElement(CitizenForm, { schema, uiSchema, answers: defaultAnswers(schema), post: { action: '/' } }));
    if (!html.includes('unsupported-field')) return [];
    return [refused('表单中有申请页无法显示的字段', 'the form has a field the application page cannot show')];
  } catch (error) {
    return [refused(`申请页无法显示此表单(${(error as Error).message.slice(0, 200)})`, `the application page cannot show this form (${(error as Error).message.slice(0, 200)})`)];
  }
}

function refused(message: string, message_en: string): CheckIssue {
  return { code: 'FORM_RENDER_FAILED', path: '/form', message, message_en };
}
