/**
 * The summary service behind the facade (issue 10): who may read which version, the
 * facilitator's settings (migration 9), the model for a viewer, and its downloads.
 */
import { fail } from '../../lib/protocol/reasons';
import { buildSummary } from '../../lib/summary/buildSummary';
import { isSummaryFormat } from '../../lib/summary/formats';
import type { SummaryFile, SummaryPageData, SummarySettings } from '../../lib/summary/pageData';
import type { Sessions } from '../auth/sessions';
import type { Outcome, SummaryFacade } from '../facade';
import type { ParticipantRow, Store, SummarySettingsRow, WorkshopRow } from '../store/Store';
import type { Rooms } from '../yjs/rooms';
import { RenderPool } from './renderPool';
import { summaryFile } from './renderSummary';
import { nextTurn, summaryInput, summarySource } from './summaryInput';

interface Access {
  workshop: WorkshopRow;
  viewer: ParticipantRow;
  settings: SummarySettingsRow;
}

function settingsOf(row: SummarySettingsRow): SummarySettings {
  return { shareDraft: row.shareDraft, final: row.finalAt !== null };
}

export class Summaries implements SummaryFacade {
  readonly #renderer = new RenderPool();

  constructor(private readonly deps: { store: Store; sessions: Sessions; rooms: Rooms }) {}

  /** Stop the render worker (server shutdown). */
  close(): Promise<void> {
    return this.#renderer.close();
  }

  /** Authenticate, then let facilitators in always and others once shared or final. */
  private async access(workshopId: string, cookie: string | undefined): Promise<Outcome<Access>> {
    const { store, sessions } = this.deps;
    const workshop = await store.getWorkshop(workshopId);
    if (!workshop) return fail('unknownWorkshop');
    const auth = await sessions.authenticate(workshopId, cookie);
    if (!auth.ok) return auth;
    const settings = await store.getSummarySettings(workshopId);
    const facilitator = auth.value.capability === 'facilitator';
    if (!facilitator && !settings.shareDraft && settings.finalAt === null)
      return fail('summaryNotShared');
    return { ok: true, value: { workshop, viewer: auth.value, settings } };
  }

  /** The arguments both gatherers take: the store, the loaded room, whose summary, for whom. */
  private async gatherArgs(a: Access): Promise<Parameters<typeof summarySource>> {
    const room = await this.deps.rooms.loaded(a.workshop.id);
    const status = a.settings.finalAt ? 'final' : 'draft';
    return [this.deps.store, room, a.workshop, a.viewer, status];
  }

  async summary(workshopId: string, cookie: string | undefined): Promise<Outcome<SummaryPageData>> {
    const a = await this.access(workshopId, cookie);
    if (!a.ok) return a;
    const canManage = a.value.viewer.capability === 'facilitator';
    return {
      ok: true,
      value: {
        // Built here, not on the worker: its first start takes seconds on a busy machine,
        // and rendering the page holds this thread far longer than the model does.
        model: buildSummary(await summaryInput(...(await this.gatherArgs(a.value)))),
        settings: settingsOf(a.value.settings),
        canManage,
      },
    };
  }

  async summaryExport(
    workshopId: string,
    cookie: string | undefined,
    format: string,
  ): Promise<Outcome<SummaryFile>> {
    if (!isSummaryFormat(format)) return fail('unknownFormat');
    const a = await this.access(workshopId, cookie);
    if (!a.ok) return a;
    const source = await summarySource(...(await this.gatherArgs(a.value)));
    // Handing the source to the worker is its own slice of main-thread time.
    await nextTurn();
    return {
      ok: true,
      value: summaryFile(source, format, await this.#renderer.render(source, format)),
    };
  }

  async setSummarySettings(
    workshopId: string,
    cookie: string | undefined,
    next: SummarySettings,
  ): Promise<Outcome<SummarySettings>> {
    const a = await this.access(workshopId, cookie);
    if (!a.ok) return a;
    if (a.value.viewer.capability !== 'facilitator') return fail('forbidden');
    const prev = a.value.settings;
    const row: SummarySettingsRow = {
      workshopId,
      shareDraft: next.shareDraft,
      finalAt: next.final ? (prev.finalAt ?? new Date().toISOString()) : null,
    };
    await this.deps.store.putSummarySettings(row);
    return { ok: true, value: settingsOf(row) };
  }
}

/** The service's facade methods, bound, to join the workshop methods in one facade. */
export function summaryMethods(s: Summaries): SummaryFacade {
  return {
    summary: s.summary.bind(s),
    summaryExport: s.summaryExport.bind(s),
    setSummarySettings: s.setSummarySettings.bind(s),
  };
}
