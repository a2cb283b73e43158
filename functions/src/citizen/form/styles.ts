/**
 * The citizen pages' stylesheet: plain, mobile first, large enough to read and tap on a phone.
 * One string, so the server inlines it (no extra request on a slow network) and the editor's
 * preview shows the form exactly as applicants see it.
 */
export const citizenCss = `
.citizen { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f1f1f; line-height: 1.6; }
.citizen-page { max-width: 46rem; margin: 0 auto; padding: 12px 16px 48px; }
.citizen h1 { font-size: 1.5rem; margin: 8px 0; }
.citizen h2 { font-size: 1.15rem; margin: 20px 0 8px; }
.citizen a { color: #1d4ed8; }
.citizen .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
.citizen .facts dt { color: #595959; }
.citizen .facts dd { margin: 0; }
.citizen .materials { padding-left: 1.5em; }
.citizen .materials li { margin: 6px 0; padding: 4px 6px; border-radius: 4px; }
.citizen h3 { font-size: 1rem; margin: 16px 0 4px; }
.citizen .material-name { font-weight: 600; }
.citizen .materials .field-description { font-size: 14px; color: #595959; }
.citizen .material-when { color: #0f3d91; }
.citizen .material-terms { font-size: 14px; color: #434343; }
.citizen .material-later { font-size: 14px; color: #873800; }
.citizen .materials li[data-need=yes] { background: #f0f5ff; box-shadow: inset 3px 0 #1d4ed8; }
.citizen .materials li[data-need=no] { color: #595959; }
.citizen .materials li[data-need=no] .material-when, .citizen .materials li[data-need=no] .material-terms { color: #595959; }
.citizen .tag.mark { background: #1d4ed8; color: #fff; }
.citizen .tag.mark.no { background: #f0f0f0; color: #434343; }
.citizen .tag.mark[hidden] { display: none; }
.citizen .kept-file { overflow-wrap: anywhere; }
.citizen label.choice { display: block; }
.citizen .tag { display: inline-block; font-size: .8rem; padding: 0 6px; border-radius: 4px; background: #f0f0f0; color: #262626; margin-left: 6px; }
.citizen .tag.shared { background: #f6ffed; color: #135200; }
.citizen .tag.later { background: #fff7e6; color: #873800; }
.citizen .summary { border: 2px solid #c41d1d; border-radius: 6px; padding: 8px 14px; margin: 12px 0; background: #fff1f0; }
.citizen .summary h2 { margin-top: 4px; color: #a8071a; }
.citizen .notice { border-left: 4px solid #1d4ed8; background: #f0f5ff; padding: 8px 12px; margin: 12px 0; }
.citizen .is-hidden, .citizen [hidden] { display: none; }
.citizen .lang { float: right; font-size: .9rem; }
.citizen-form fieldset { border: 0; margin: 0; padding: 0; }
.citizen-form .form-group, .citizen .lookup .form-group { margin-bottom: 14px; }
.citizen-form label.control-label, .citizen-form legend { display: block; font-weight: 600; margin-bottom: 4px; font-size: 1rem; }
.citizen-form .form-control, .citizen input[type=file], .citizen input[type=text] { box-sizing: border-box; width: 100%; max-width: 32rem; padding: 8px 10px; font-size: 16px; border: 1px solid #8c8c8c; border-radius: 4px; }
.citizen-form .radio, .citizen-form .checkbox { display: block; margin: 4px 0; }
.citizen-form .radio label, .citizen-form .checkbox label { display: inline-flex; gap: 6px; align-items: center; font-weight: normal; }
.citizen-form .field-condition { color: #0f3d91; font-size: 14px; margin: 0 0 4px; }
.citizen-form .field-description, .citizen-form .help-block { color: #595959; font-size: 14px; margin: 2px 0 6px; }
.citizen-form .error-detail, .citizen .field-error { color: #a8071a; list-style: none; padding: 0; margin: 4px 0; }
.citizen-form .list-entry { border-left: 3px solid #d9d9d9; padding-left: 12px; margin-bottom: 12px; }
.citizen-form .list-add { margin-bottom: 14px; }
.citizen .default-submit { position: absolute; left: -9999px; width: 1px; height: 1px; overflow: hidden; }
.citizen-form .array-item { border-left: 3px solid #d9d9d9; padding-left: 12px; margin-bottom: 12px; }
.citizen .btn, .citizen-form .btn { padding: 6px 12px; border: 1px solid #8c8c8c; border-radius: 4px; background: #fff; cursor: pointer; font-size: 16px; }
.citizen .btn-primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; padding: 10px 20px; }
@media print { .citizen .lang, .citizen .no-print { display: none; } .citizen a { color: inherit; text-decoration: none; } }
`;
