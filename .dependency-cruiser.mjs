/**
 * `npm run depcheck`: the imports between the runtime workspaces run one way. No file reaches
 * itself through its imports (type-only imports count: they tie the files' designs together all
 * the same), and nothing but the tests and benchmarks imports the editor app (the API must not
 * depend on it; what both need, such as the citizen form, lives in functions).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between files: move what both need to where it belongs.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-editor-imports',
      severity: 'error',
      comment: 'Only test/ and bench/ may import admin-ui: shared code lives in the runtime that serves it.',
      from: { pathNot: '^(admin-ui|test|bench)/' },
      to: { path: '^(admin-ui/|(node_modules/)?@onevisit/admin-ui)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|cdk\\.out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
