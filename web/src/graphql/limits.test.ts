// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Kind, Lexer, Source, TokenKind, print, visit, type DefinitionNode, type DocumentNode, type SelectionSetNode } from 'graphql';
import { OPERATION_LIMITS } from '@ksp/shared/api-limits';
import * as generated from './generated/graphql';

// The API refuses documents over its limits (shared/src/api-limits.ts, enforced by server/src/graphql/hardening.ts): more than
// 1,000 tokens, depth over 12, more than 20 directives or 15 aliases. Every document the web
// sends is checked here, as it goes over the wire (fragments included).
const LIMITS = {
  tokens: OPERATION_LIMITS.maxTokens,
  depth: OPERATION_LIMITS.maxDepth,
  directives: OPERATION_LIMITS.maxDirectives,
  aliases: OPERATION_LIMITS.maxAliases,
};

const documents = Object.entries(generated).filter(
  (entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && (entry[1] as DocumentNode).kind === Kind.DOCUMENT,
);

function tokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

function depth(set: SelectionSetNode | undefined, fragments: Map<string, SelectionSetNode>): number {
  if (!set) return 0;
  return Math.max(
    0,
    ...set.selections.map((s) => {
      if (s.kind === Kind.FIELD) return s.selectionSet ? 1 + depth(s.selectionSet, fragments) : 1;
      if (s.kind === Kind.INLINE_FRAGMENT) return depth(s.selectionSet, fragments);
      return depth(fragments.get(s.name.value), fragments);
    }),
  );
}

describe('every GraphQL document the web sends', () => {
  it('exists (the check is not vacuous)', () => {
    expect(documents.length).toBeGreaterThan(15);
  });

  it.each(documents)('%s stays under the API limits', (_name, doc) => {
    const text = print(doc);
    const fragments = new Map(
      doc.definitions
        .filter((d): d is Extract<DefinitionNode, { kind: Kind.FRAGMENT_DEFINITION }> => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((f) => [f.name.value, f.selectionSet]),
    );
    const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(tokens(text)).toBeLessThan(LIMITS.tokens);
    if (operation) expect(depth(operation.selectionSet, fragments)).toBeLessThanOrEqual(LIMITS.depth);
    let directives = 0;
    let aliases = 0;
    visit(doc, {
      Directive: () => void (directives += 1),
      Field: (node) => void (aliases += node.alias ? 1 : 0),
    });
    expect(directives).toBeLessThanOrEqual(LIMITS.directives);
    expect(aliases).toBeLessThanOrEqual(LIMITS.aliases);
  });
});
