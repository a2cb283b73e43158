/** The seed templates: item definitions modelled on the items named in the source documents. */
import companyRegistration from '../templates/company-registration.json' with { type: 'json' };
import cropSeedLicence from '../templates/crop-seed-licence.json' with { type: 'json' };
import govInvestmentProject from '../templates/gov-investment-project.json' with { type: 'json' };
import greeningDesignApproval from '../templates/greening-design-approval.json' with { type: 'json' };
import hrAgencyApproval from '../templates/hr-agency-approval.json' with { type: 'json' };
import labourDispatchLicence from '../templates/labour-dispatch-licence.json' with { type: 'json' };
import lowVoltagePower from '../templates/low-voltage-power.json' with { type: 'json' };
import putonghuaTest from '../templates/putonghua-test.json' with { type: 'json' };
import realEstateTransfer from '../templates/real-estate-transfer.json' with { type: 'json' };
import unemploymentBenefit from '../templates/unemployment-benefit.json' with { type: 'json' };
import waterConnection from '../templates/water-connection.json' with { type: 'json' };
import type { ItemDefinitionInput } from './model/item';

export const templates: readonly ItemDefinitionInput[] = [
  companyRegistration as ItemDefinitionInput,
  cropSeedLicence as ItemDefinitionInput,
  govInvestmentProject as ItemDefinitionInput,
  greeningDesignApproval as ItemDefinitionInput,
  hrAgencyApproval as ItemDefinitionInput,
  labourDispatchLicence as ItemDefinitionInput,
  lowVoltagePower as ItemDefinitionInput,
  putonghuaTest as ItemDefinitionInput,
  realEstateTransfer as ItemDefinitionInput,
  unemploymentBenefit as ItemDefinitionInput,
  waterConnection as ItemDefinitionInput,
];

/** The seed 一件事 and their base items not (yet) in the seeded list above. */
export { bundleItemTemplates, bundleTemplates } from './bundle/templates';
