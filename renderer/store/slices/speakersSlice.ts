import type { SpeakerOverview } from '../../../shared/api/methods/speakers';
import type { DocumentKind } from '../../../shared/model/types';
import type { SliceContext } from '../createAppStore';

/** A speaker's mapping as the Speakers step offers it. */
export type SpeakerTarget = { informantId: string } | { informantLabel: string } | { interviewer: true } | { none: true };

/** The Speakers step and document details: who speaks in a document, and what the document is. */
export interface SpeakersSlice {
  speakerRows: readonly SpeakerOverview[] | null;
  loadSpeakers(documentId: string): Promise<void>;
  renameSpeaker(id: string, label: string): Promise<void>;
  mapSpeaker(id: string, target: SpeakerTarget): Promise<void>;
  mergeSpeaker(id: string, intoId: string): Promise<void>;
  deleteSpeaker(id: string): Promise<void>;
  /** Give turns to a speaker (null: nobody's speech) or to a new speaker. */
  assignTurns(turnIds: readonly string[], to: { speakerId: string | null } | { newSpeaker: string }): Promise<void>;
  splitTurn(turnId: string, at: number): Promise<void>;
  updateDocument(
    id: string,
    changes: { title?: string; kind?: DocumentKind; date?: string | null; caseId?: string | null; usedInAnalysis?: boolean; durationMs?: number | null },
  ): Promise<void>;
}

export function createSpeakersSlice({ set, get, api }: SliceContext): SpeakersSlice {
  /** After a change to who speaks: the list, the open transcript's gutter, people and history. */
  const refresh = async (documentId: string | null) => {
    const work: Promise<unknown>[] = [get().refreshHistory(), get().loadPeople(), get().loadDocuments()];
    if (documentId) work.push(get().loadSpeakers(documentId));
    if (get().openDocument?.id === documentId) work.push(get().reloadOpenDocument());
    await Promise.all(work);
  };
  const documentOf = (speakerId: string) => get().speakerRows?.find((r) => r.speaker.id === speakerId)?.speaker.documentId ?? get().openDocument?.id ?? null;
  return {
    speakerRows: null,
    async loadSpeakers(documentId) {
      await get().guard(async () => set({ speakerRows: await api.call('speakers.list', { documentId }) }));
    },
    async renameSpeaker(id, label) {
      await get().guard(async () => {
        await api.call('speakers.update', { id, label });
        await refresh(documentOf(id));
      });
    },
    async mapSpeaker(id, target) {
      await get().guard(async () => {
        if ('informantId' in target) await api.call('speakers.update', { id, informantId: target.informantId });
        else if ('informantLabel' in target) await api.call('speakers.update', { id, informantLabel: target.informantLabel });
        else await api.call('speakers.update', { id, informantId: null, role: 'interviewer' in target ? 'interviewer' : null });
        await refresh(documentOf(id));
      });
    },
    async mergeSpeaker(id, intoId) {
      await get().guard(async () => {
        const documentId = documentOf(id);
        await api.call('speakers.merge', { id, intoId });
        await refresh(documentId);
      });
    },
    async deleteSpeaker(id) {
      await get().guard(async () => {
        const documentId = documentOf(id);
        await api.call('speakers.delete', { id });
        await refresh(documentId);
      });
    },
    async assignTurns(turnIds, to) {
      await get().guard(async () => {
        await api.call('turns.assign', { turnIds: [...turnIds], ...('newSpeaker' in to ? { newSpeaker: { label: to.newSpeaker } } : { speakerId: to.speakerId }) });
        await refresh(get().openDocument?.id ?? null);
      });
    },
    async splitTurn(turnId, at) {
      await get().guard(async () => {
        await api.call('turns.split', { turnId, at });
        await refresh(get().openDocument?.id ?? null);
      });
    },
    async updateDocument(id, changes) {
      await get().guard(async () => {
        await api.call('documents.update', { id, ...changes });
        await Promise.all([get().loadDocuments(), get().refreshHistory(), get().openDocument?.id === id ? get().reloadOpenDocument() : null]);
      });
    },
  };
}
