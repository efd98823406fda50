import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import type { Channel } from '@ksp/shared/domain';
import { SaveResponseDraftDocument } from './graphql';
import { toResponseInput, writeLocalCopy, type FormDraft } from './formDraft';

/** About a second after the last keystroke: often enough that little is lost, rarely enough to spare the server. */
export const AUTOSAVE_DELAY_MS = 1000;

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'offline' } | { kind: 'failed'; message: string };

/**
 * Keeps the typed form safe: every change goes to localStorage at once (a reload or a dead
 * battery loses nothing), and to the server as a draft about a second after the last change
 * and when a field is left. Offline, the draft waits for the browser's `online` event.
 * One save at a time; a change during a save is sent right after it.
 */
export function useDraftAutosave(assignmentId: string, channel: Channel, draft: FormDraft, enabled: boolean) {
  const [, saveDraft] = useMutation(SaveResponseDraftDocument);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(draft);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const first = useRef(true);
  const stopped = useRef(!enabled);
  const again = useRef<() => void>(() => undefined);
  useEffect(() => {
    stopped.current = !enabled;
  }, [enabled]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (stopped.current || !dirty.current || inFlight.current) return;
    dirty.current = false;
    inFlight.current = true;
    setState({ kind: 'saving' });
    const result = await saveDraft({ assignmentId, input: toResponseInput(latest.current, channel, { complete: true }) });
    inFlight.current = false;
    if (stopped.current) return;
    if (result.error) {
      // Not saved: try again when asked (the next change, a blur, the network coming back).
      dirty.current = true;
      setState(
        result.error.networkError
          ? { kind: 'offline' }
          : { kind: 'failed', message: result.error.graphQLErrors[0]?.message ?? result.error.message },
      );
      return;
    }
    setState({ kind: 'saved', at: result.data?.saveResponseDraft.form?.savedAt ?? new Date().toISOString() });
    if (dirty.current) timer.current = setTimeout(() => again.current(), AUTOSAVE_DELAY_MS);
  }, [assignmentId, channel, saveDraft]);

  useEffect(() => {
    again.current = () => void flush();
  }, [flush]);

  useEffect(() => {
    latest.current = draft;
    // The form as loaded is nothing new to save.
    if (first.current) {
      first.current = false;
      return;
    }
    if (stopped.current) return;
    writeLocalCopy(assignmentId, { changedAt: new Date().toISOString(), draft });
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [draft, assignmentId, flush]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
    };
  }, [flush]);

  /** Stops saving drafts (the response was submitted). */
  const stop = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
  }, []);

  return { state, flush, stop };
}
