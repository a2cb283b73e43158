import type { UiSchema } from '@rjsf/utils';
import { DepartmentField } from './DepartmentField';
import { TwoWayWidget } from './TwoWayWidget';

/** How some model fields are edited wherever they appear (an item's basics, a clone's local parts). */
export const modelUi: Record<'department' | 'fees', UiSchema> = {
  department: { 'ui:field': DepartmentField },
  fees: { items: { charged: { 'ui:widget': TwoWayWidget, 'ui:options': { choices: [['不收费', 'Free'], ['收费', 'Charged']] } } } },
};
