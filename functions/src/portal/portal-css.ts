import { createHash } from 'node:crypto';

/**
 * The portal's own styles beside the citizen pages' inline sheet (whose hash the pages' policy
 * allows): a file from the app's origin, named by its content so a browser keeps it for good.
 * Mobile first: cards stack, the 晒清单 table scrolls sideways inside its box.
 */
export const portalCss = `
.citizen .crumbs { font-size: .9rem; margin: 4px 0 0; color: #434343; }
.citizen .crumbs a { margin-right: 4px; }
.citizen .search { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; margin: 12px 0; }
.citizen .search label { display: block; font-weight: 600; width: 100%; }
.citizen .search input[type=search] { flex: 1 1 12rem; box-sizing: border-box; min-width: 0; padding: 10px; font-size: 16px; border: 1px solid #8c8c8c; border-radius: 4px; }
.citizen .hint { font-size: 14px; color: #595959; margin: 0 0 8px; }
.citizen .chips { display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 8px 0; list-style: none; }
.citizen .chips a { display: inline-block; padding: 6px 12px; border: 1px solid #1d4ed8; border-radius: 16px; text-decoration: none; min-height: 24px; }
.citizen .chips a[aria-current=page] { background: #1d4ed8; color: #fff; }
.citizen details.browse { border: 1px solid #d9d9d9; border-radius: 6px; padding: 6px 12px; margin: 8px 0; }
.citizen details.browse summary { cursor: pointer; font-weight: 600; padding: 6px 0; }
.citizen details.browse ul { margin: 4px 0 8px; padding-left: 1.2em; columns: 2 12rem; }
.citizen details.browse li { padding: 4px 0; break-inside: avoid; }
.citizen .results { list-style: none; padding: 0; margin: 0; }
.citizen .card { border: 1px solid #d9d9d9; border-radius: 8px; padding: 12px; margin: 10px 0; }
.citizen .card h3 { margin: 0 0 4px; font-size: 1.05rem; }
.citizen .card .dept { color: #434343; font-size: 14px; margin: 0 0 6px; }
.citizen .card .facts { font-size: 15px; }
.citizen .card .matched { font-size: 14px; color: #0f3d91; margin: 4px 0 0; }
.citizen .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 0; }
.citizen a.btn { display: inline-block; text-decoration: none; color: #1d4ed8; border-color: #1d4ed8; padding: 8px 14px; }
.citizen a.btn-primary { color: #fff; }
.citizen .tag.reform { background: #e6f4ff; color: #0b3f7a; margin: 0 6px 0 0; }
.citizen .pager { display: flex; justify-content: space-between; gap: 8px; margin: 12px 0; }
.citizen .table-box { overflow-x: auto; border: 1px solid #d9d9d9; border-radius: 6px; }
.citizen table.list { border-collapse: collapse; width: max-content; min-width: 100%; font-size: 14px; }
.citizen table.list caption { text-align: left; padding: 6px 8px; }
.citizen table.list th, .citizen table.list td { border-bottom: 1px solid #e8e8e8; padding: 6px 8px; text-align: left; vertical-align: top; }
.citizen table.list thead th { background: #fafafa; white-space: nowrap; }
.citizen table.list tbody th { font-weight: normal; }
.citizen table.list td { white-space: nowrap; }
.citizen table.list .wide { white-space: normal; width: 12rem; min-width: 12rem; }
.citizen select { box-sizing: border-box; width: 100%; max-width: 32rem; padding: 8px 10px; font-size: 16px; border: 1px solid #8c8c8c; border-radius: 4px; background: #fff; }
.citizen .prose { white-space: pre-line; }
.citizen .steps li { margin: 6px 0; }
.citizen .faq summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
.citizen .guide-version { color: #595959; font-size: 14px; border-top: 1px solid #e8e8e8; padding-top: 8px; margin-top: 24px; }
@media (min-width: 48rem) { .citizen .results { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; } }
`;

export const PORTAL_CSS_PATH = `/portal/portal-${createHash('sha256').update(portalCss).digest('hex').slice(0, 12)}.css`;
