import { appliesOnline, shanghaiDateOf, ZItemId } from '@onevisit/item-schemas';
import { bundleView, postedIdOf } from '../bundles/published';
import type { ReactNode } from 'react';
import { say, type Lang } from '../citizen/page';
import { PageCache, slot, template, type PageTemplate } from '../citizen/page-cache';
import type { AppDeps } from '../deps';
import { ApiError, invalidRequest, notFound } from '../errors';
import { csvOf } from '../imports-files';
import type { Jurisdiction } from '../records';
import { BundleGuidePage } from './bundle-guide';
import { Catalogues, type Catalogue } from './catalogue';
import { takesOnline } from './entry-card';
import { filterEntries, queryFieldNames, ZPortalQuery, type PortalQuery } from './facets';
import { GuidePage } from './guide-page';
import { PortalHome } from './home-page';
import { DEFAULT_JURISDICTION, portalPath } from './links';
import { listSheet, listXlsx } from './list-rows';
import { ListPage } from './list-page';
import { renderPortalPage } from './shell';

/**
 * The portal's pages, kept per catalogue version: the home (and each search or list asked of it),
 * the 晒清单 and its downloads, and each item's guide are rendered once and served from memory
 * while the published heads stay as they were. A request lists the heads (one query, at most
 * every two seconds in a process) and reads the jurisdiction; a guide reads its head (as
 * applications take it) and its version, which the store keeps in memory once read.
 */

/** Rendered pages kept: 16 MB holds some 200 pages of a 1,000-item portal or its list. */
const PAGE_BYTES = 16 * 1024 * 1024;
/** Downloads kept, by catalogue version, format, language and department. */
const DOWNLOADS = 8;

export interface Served {
  page: PageTemplate;
  rendered: boolean;
}

export type Download = { bytes: Uint8Array | string; type: string; name: string };

/** The query of a portal address, or 400 naming what is wrong with it in both languages. */
export function portalQuery(raw: Record<string, string>): PortalQuery {
  const parsed = ZPortalQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  const key = String(parsed.error.issues[0]?.path[0] ?? 'q');
  const [zh, en] = queryFieldNames[key] ?? ['查询参数', 'the query'];
  throw invalidRequest([{ path: key, message: `${zh}不正确`, message_en: `${en} is not valid` }]);
}

const itemGone = () => new ApiError(410, 'ITEM_CANCELLED', '该事项已取消，不再受理申请', 'the item is cancelled and takes no applications');

export class Portal {
  readonly catalogues = new Catalogues();
  readonly pages = new PageCache(PAGE_BYTES);
  private readonly downloads = new Map<string, Download>();

  /** The jurisdiction the portal's own address shows: the default one, else the first there is. */
  async defaultJurisdiction(deps: AppDeps): Promise<string> {
    if (await deps.store.getJurisdiction(DEFAULT_JURISDICTION)) return DEFAULT_JURISDICTION;
    const all = await deps.store.listJurisdictions();
    return (all.find((j) => j.level === 'city') ?? all[0])?.id ?? DEFAULT_JURISDICTION;
  }

  /** The jurisdiction and, asked, its counties; 404 for one there is not. */
  private async jurisdictions(deps: AppDeps, id: string, counties: boolean): Promise<Jurisdiction[]> {
    const here = await deps.store.getJurisdiction(id);
    if (!here) throw notFound('区划', 'jurisdiction');
    if (!counties) return [here];
    return [here, ...(await deps.store.listJurisdictions()).filter((j) => j.parent === id)];
  }

  private catalogue(deps: AppDeps, id: string, counties = false): Promise<Catalogue> {
    return this.jurisdictions(deps, id, counties).then((js) => this.catalogues.of(deps.store, js));
  }

  private kept(key: string, render: () => string): Served {
    const page = this.pages.get(key);
    if (page) return { page, rendered: false };
    const made = template(render());
    this.pages.set(key, made);
    return { page: made, rendered: true };
  }

  private frame(lang: Lang, catalogue: Catalogue | Jurisdiction, title: string, body: ReactNode, crumb = true): string {
    const here = 'entries' in catalogue ? catalogue.jurisdictions[0]! : catalogue;
    const t = say(lang);
    const home = { href: `${portalPath(here.id)}${lang === 'en' ? '?lang=en' : ''}`, name: t(`${here.name}政务服务`, `${here.name} services`) };
    return renderPortalPage(lang, title, body, slot('switch'), crumb ? home : undefined);
  }

  async home(deps: AppDeps, id: string, query: PortalQuery, lang: Lang): Promise<Served> {
    const catalogue = await this.catalogue(deps, id);
    const today = shanghaiDateOf(deps.clock());
    const { q, dept, theme, scope, list, page } = query;
    const key = ['home', catalogue.signature, lang, today, JSON.stringify([q?.trim(), dept, theme, scope, list, page])].join('|');
    return this.kept(key, () => {
      const found = filterEntries(catalogue.entries, query);
      const here = catalogue.jurisdictions[0]!;
      return this.frame(lang, catalogue, lang === 'zh' ? `${here.name}政务服务` : `${here.name} services`, <PortalHome lang={lang} catalogue={catalogue} query={query} found={found} today={today} />, false);
    });
  }

  async list(deps: AppDeps, id: string, query: PortalQuery, lang: Lang): Promise<Served> {
    const counties = query.counties === '1';
    const catalogue = await this.catalogue(deps, id, counties);
    const key = ['list', catalogue.signature, lang, query.dept ?? ''].join('|');
    return this.kept(key, () => {
      // The 晒清单 lists 政务服务事项; a 一件事 is searched and browsed beside them, not listed.
      const entries = catalogue.entries.filter((e) => !e.bundle && (!query.dept || e.item.department.creditCode === query.dept));
      return this.frame(lang, catalogue, lang === 'zh' ? '晒清单' : 'The published list', <ListPage lang={lang} catalogue={catalogue} query={query} entries={entries} counties={counties} />);
    });
  }

  async download(deps: AppDeps, id: string, query: PortalQuery, lang: Lang, format: 'xlsx' | 'csv', origin: string): Promise<Download> {
    const catalogue = await this.catalogue(deps, id, query.counties === '1');
    const key = [catalogue.signature, format, lang, query.dept ?? '', origin].join('|');
    const held = this.downloads.get(key);
    if (held) return held;
    const entries = catalogue.entries.filter((e) => !e.bundle && (!query.dept || e.item.department.creditCode === query.dept));
    const areas = new Map(catalogue.jurisdictions.map((j) => [j.id, j.name]));
    const rows = listSheet(entries, lang, areas, origin);
    const title = lang === 'zh' ? `${catalogue.jurisdictions[0]!.name}晒清单` : `${catalogue.jurisdictions[0]!.id} services`;
    const name = `${lang === 'zh' ? '晒清单' : 'services'}-${id}${query.dept ? `-${query.dept}` : ''}.${format}`;
    const made: Download =
      format === 'xlsx'
        ? { bytes: await listXlsx(rows, title), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name }
        : { bytes: csvOf(rows), type: 'text/csv; charset=utf-8', name };
    this.downloads.set(key, made);
    for (const oldest of this.downloads.keys()) {
      if (this.downloads.size <= DOWNLOADS) break;
      this.downloads.delete(oldest);
    }
    return made;
  }

  /**
   * An item's guide: a suspended item's too, saying it takes no applications for now (citizens
   * still need to know what it asks); a cancelled one is gone (410).
   */
  async guide(deps: AppDeps, id: string, itemId: string, lang: Lang): Promise<Served> {
    // An address no item can have is not looked up (nor sent to the table as a key).
    if (!ZItemId.safeParse(itemId).success) throw notFound('事项', 'item');
    const here = /^\d{6}$/.test(id) ? await deps.store.getJurisdiction(id) : undefined;
    if (!here) throw notFound('区划', 'jurisdiction');
    const head = await deps.store.getAcceptingHead(id, itemId);
    if (!head) return this.bundleGuide(deps, here, itemId, lang);
    if (head.state === 'cancelled') throw itemGone();
    const version = head && head.version > 0 && (head.state === 'published' || head.state === 'suspended') ? await deps.store.getVersion(id, itemId, head.version) : undefined;
    if (!version) throw notFound('事项', 'item');
    const suspended = head!.state === 'suspended';
    const today = shanghaiDateOf(deps.clock());
    const key = ['guide', id, itemId, version.version, head!.state, lang, today].join('|');
    return this.kept(key, () => this.frame(lang, here, version.definition.name, <GuidePage lang={lang} version={version} today={today} suspended={suspended} />));
  }

  /** A published 一件事's guide, at the address an item's would have (the two never share an id). */
  private async bundleGuide(deps: AppDeps, here: Jurisdiction, bundleId: string, lang: Lang): Promise<Served> {
    const head = await deps.store.getAcceptingBundleHead(here.id, bundleId);
    const version = head && head.state === 'published' && head.version > 0 ? await deps.store.getBundleVersion(here.id, bundleId, head.version) : undefined;
    const view = version && (await bundleView(deps.store, version));
    if (!version || !view) throw notFound('事项', 'item');
    const today = shanghaiDateOf(deps.clock());
    const online = Object.values(view.versions).every((v) => takesOnline({ online: appliesOnline(v.definition.channels), item: v.definition }, today));
    const key = ['bundle-guide', here.id, bundleId, version.version, lang, today, online].join('|');
    const needs = view.materials.map((m) => ({ material: { ...m.material, id: postedIdOf(m) }, status: m.status, decided: m.decided }));
    return this.kept(key, () => this.frame(lang, here, version.definition.name, <BundleGuidePage lang={lang} version={version} base={view.base} asItem={view.asItem} needs={needs} online={online} />));
  }
}
