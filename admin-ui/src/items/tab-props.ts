import type { CheckIssue } from '@onevisit/item-schemas';
import type { Definition } from './draft-state';

export interface TabProps {
  definition: Definition;
  update: (change: (current: Definition) => Definition) => void;
  issues: CheckIssue[];
}
