import type { CheckIssue } from '@onevisit/item-schemas';
import type { Definition } from './definition';

export interface TabProps {
  definition: Definition;
  update: (change: (current: Definition) => Definition) => void;
  issues: CheckIssue[];
}
