import { customizeValidator } from '@rjsf/validator-ajv8';
import { customFormats } from '@onevisit/item-schemas/rules';

/** rjsf's validator knowing the forms' own formats (身份证号, 统一社会信用代码…), as the server's does. */
export const formValidator = customizeValidator({
  customFormats: Object.fromEntries(Object.entries(customFormats).map(([name, format]) => [name, format.validate])),
});
