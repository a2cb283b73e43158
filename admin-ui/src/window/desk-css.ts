/** The desk's own layout, and the print rule that puts only the receipt or the 补正 list on paper. */
export const deskCss = `
.window-desk .desk-head { margin-bottom: 12px; }
.window-desk .ant-card { margin-top: 12px; }
.window-desk .desk-person { display: grid; grid-template-columns: max-content minmax(0, 360px); gap: 8px 12px; align-items: center; margin-bottom: 8px; }
.window-desk .desk-select { height: 32px; padding: 0 8px; border: 1px solid #8c8c8c; border-radius: 4px; background: #fff; font: inherit; }
.window-desk .desk-select:focus-visible, .window-desk .finder-results button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.window-desk .desk-materials { width: 100%; border-collapse: collapse; }
.window-desk .desk-materials th, .window-desk .desk-materials td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e5e7eb; font-weight: normal; vertical-align: middle; }
.window-desk .desk-materials thead th { font-weight: 600; }
.window-desk .desk-inline { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.window-desk .finder-results { list-style: none; padding: 0; margin: 8px 0; display: grid; gap: 4px; }
.window-desk .finder-results button { width: 100%; text-align: left; padding: 8px 12px; border: 1px solid #d1d5db; border-radius: 4px; background: #fff; cursor: pointer; font: inherit; }
.window-desk .finder-results button span { color: rgba(0, 0, 0, 0.65); margin-left: 8px; }
.window-print { max-width: 210mm; margin: 0 auto; padding: 16px; font-family: "SimSun", "Songti SC", serif; font-size: 16px; line-height: 1.9; color: #000; background: #fff; }
.window-print h1 { text-align: center; font-size: 22px; letter-spacing: 4px; margin: 12px 0 4px; }
.window-print .number { text-align: center; margin-bottom: 12px; }
.window-print p { margin: 0; }
.window-print .receipt-top { display: flex; gap: 16px; justify-content: space-between; align-items: flex-start; }
.window-print figure { margin: 0; text-align: center; font-size: 13px; }
.window-print .qr { width: 132px; height: 132px; }
.window-print table { width: 100%; border-collapse: collapse; margin: 8px 0; }
.window-print th, .window-print td { border: 1px solid #000; padding: 2px 8px; text-align: left; }
.window-print .seal { text-align: right; margin-top: 24px; }
@media print {
  body * { visibility: hidden; }
  .ant-layout-header, .no-print { display: none !important; }
  .window-print, .window-print * { visibility: visible; }
  .window-print { position: absolute; left: 0; top: 0; width: 100%; padding: 0; }
}
`;
