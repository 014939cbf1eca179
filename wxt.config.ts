import { defineConfig } from 'wxt';

// Manifest, permissions and build settings only; no logic here.
//   - the content script (entrypoints/budget.content) runs on *.gov.cn pages: a gate of a few
//     microseconds, then, only on disclosure pages, it imports the overlay (entrypoints/overlay,
//     a web-accessible script for *.gov.cn pages only);
//   - anywhere else, the popup's "audit this page" injects the overlay with activeTab +
//     scripting: no host permissions at all;
//   - PDFs open in the extension's viewer (entrypoints/viewer); pdf.js's worker, character
//     maps and fonts are shipped by modules/pdfjs-assets.ts.
// `wxt build` targets Chromium (MV3); `wxt build -b firefox` builds the same for Firefox (MV3).
export default defineConfig({
  manifestVersion: 3,
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Budget Lens 预决算透镜',
    description: 'Re-checks the totals of Chinese government budget and final-accounts disclosures on the page itself.',
    // storage: the reader's choices (checks switched off, findings marked not an error), kept locally.
    permissions: ['activeTab', 'scripting', 'storage'],
    // Asked for at run time only, for one site, when the viewer must fetch a PDF the page
    // itself could not hand over (another site's attachment, a PDF opened in a tab).
    optional_host_permissions: ['*://*/*'],
    web_accessible_resources: [{ resources: ['overlay.js'], matches: ['*://*.gov.cn/*'] }],
    action: { default_title: 'Budget Lens 预决算透镜' },
    // The popup from the keyboard too (like a click on the toolbar button, it grants activeTab).
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+L' } } },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'budget-lens@budget-lens.invalid', strict_min_version: '128.0' } } } : {}),
  }),
});
