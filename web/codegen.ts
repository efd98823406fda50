import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents for the web app, generated from the committed schema.graphql
 * (`pnpm codegen` at the root). The output is committed; src/graphql/codegen.test.ts fails
 * when it is stale, as server/src/graphql/schema.test.ts does for schema.graphql.
 * Paths are relative to web/ (the script runs there).
 */
export const codegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
} satisfies CodegenConfig;

export default codegenConfig;
