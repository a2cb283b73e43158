import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { itemWithFields } from './form-fields';

// The baseline: a plain react-jsonschema-form with the same schema, holding its answers in state.
const schema = (itemWithFields(300).form as { schema: RJSFSchema }).schema;

function Plain() {
  const [data, setData] = useState<unknown>({});
  return <Form schema={schema} formData={data} validator={validator} onChange={(e) => setData(e.formData)} />;
}

createRoot(document.getElementById('root')!).render(<Plain />);
