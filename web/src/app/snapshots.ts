import { createContext, useContext } from 'react';
import type { TypedDocumentNode } from 'urql';
import type {
  DefinitionNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  InlineFragmentNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { RESULT_LIST_SNAPSHOTS, resultListPointerPath, type ResultListSnapshot, type SnapshotPointer } from '@ksp/shared/snapshots';

// The published snapshots of the result list (docs/speed.md "Published snapshots"): the public
// list of a published edition as immutable JSON a CDN or the browser's cache can hold, read
// instead of GraphQL by a visitor who is not signed in.

/** Where the app gets snapshots: one per app (Providers), so nothing is shared between tests. */
export interface SnapshotSource {
  /** The current snapshot of an edition's result list; rejects when there is none or it cannot be had. */
  resultList(year: number): Promise<ResultListSnapshot>;
}

/**
 * Snapshots over `fetch`: the pointer (asked again each time; answered 304 from the browser's
 * cache while nothing changed), then the snapshot it names (immutable: from the browser's cache
 * once fetched). No cookie is sent: the answer is everyone's. A year asked again in the same page
 * is answered from memory, as urql's cache answers a query again; a failure is forgotten so a
 * later visit can try again.
 */
export function createSnapshotSource(fetchFn: typeof fetch = (input, init) => fetch(input, init)): SnapshotSource {
  const lists = new Map<number, Promise<ResultListSnapshot>>();
  const json = async (path: string): Promise<unknown> => {
    const res = await fetchFn(path, { credentials: 'omit', headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  const fetchList = async (year: number): Promise<ResultListSnapshot> => {
    const pointer = (await json(resultListPointerPath(year))) as Partial<SnapshotPointer>;
    // Only a snapshot of ours, on this origin: the pointer names a path, never another site.
    if (typeof pointer.href !== 'string' || !pointer.href.startsWith(`${RESULT_LIST_SNAPSHOTS}/`)) {
      throw new Error(`The snapshot pointer of ${year} names no snapshot.`);
    }
    const list = (await json(pointer.href)) as Partial<ResultListSnapshot>;
    if (list.year !== year || !Array.isArray(list.resultList)) throw new Error(`${pointer.href} is not the result list of ${year}.`);
    return list as ResultListSnapshot;
  };
  return {
    resultList(year) {
      let list = lists.get(year);
      if (!list) {
        list = fetchList(year);
        lists.set(year, list);
        list.catch(() => lists.delete(year));
      }
      return list;
    },
  };
}

/** Without Providers there is no snapshot, and the pages read GraphQL. */
const NONE: SnapshotSource = { resultList: () => Promise.reject(new Error('No snapshot source.')) };
export const SnapshotContext = createContext<SnapshotSource>(NONE);
export const useSnapshotSource = () => useContext(SnapshotContext);

// Kinds compared as text: `graphql`'s Kind enum would bring the graphql package into the bundle.
const isOperation = (d: DefinitionNode): d is OperationDefinitionNode => (d.kind as string) === 'OperationDefinition';
const isFragment = (d: DefinitionNode): d is FragmentDefinitionNode => (d.kind as string) === 'FragmentDefinition';
const isField = (s: SelectionNode): s is FieldNode => (s.kind as string) === 'Field';
const isSpread = (s: SelectionNode): s is FragmentSpreadNode => (s.kind as string) === 'FragmentSpread';
const isInline = (s: SelectionNode): s is InlineFragmentNode => (s.kind as string) === 'InlineFragment';

/**
 * The answer a typed document would get, read out of a snapshot's data: exactly the fields the
 * document selects (its fragments included), by the name or alias it gives them, and typed as
 * the generated result type, so a page reads a snapshot as it reads GraphQL. Arguments are not
 * applied (the caller narrows the data first). Throws when the data lacks a field the document
 * asks for (a snapshot of other code, say), so the caller can fall back to GraphQL.
 */
export function readSnapshot<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  data: Record<string, unknown>,
): TData {
  const fragments = new Map(document.definitions.filter(isFragment).map((f) => [f.name.value, f]));
  const operation = document.definitions.find(isOperation);
  if (!operation) throw new Error('The document has no operation.');

  const select = (selectionSet: SelectionSetNode, from: unknown, path: string): Record<string, unknown> => {
    if (!from || typeof from !== 'object' || Array.isArray(from)) throw new Error(`The snapshot has no object at ${path || 'the top'}.`);
    const source = from as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const selection of selectionSet.selections) {
      if (isSpread(selection)) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) throw new Error(`The document lacks the fragment ${selection.name.value}.`);
        Object.assign(out, select(fragment.selectionSet, source, path));
      } else if (isInline(selection)) {
        Object.assign(out, select(selection.selectionSet, source, path));
      } else if (isField(selection) && selection.name.value !== '__typename') {
        const name = selection.name.value;
        const value = source[name];
        if (value === undefined) throw new Error(`The snapshot has no ${path}${name}.`);
        const inner = selection.selectionSet;
        out[selection.alias?.value ?? name] =
          !inner || value === null
            ? value
            : Array.isArray(value)
              ? value.map((v, i) => select(inner, v, `${path}${name}[${i}].`))
              : select(inner, value, `${path}${name}.`);
      }
    }
    return out;
  };
  return select(operation.selectionSet, data, '') as TData;
}
