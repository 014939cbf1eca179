import { defineConfig } from 'wxt';

// Manifest, permissions and build settings only; no logic here.
export default defineConfig({
  manifestVersion: 3,
  imports: false,
  manifest: {
    name: 'Budget Lens 预决算透镜',
    description: 'Re-checks the totals of Chinese government budget and final-accounts disclosures on the page itself.',
    permissions: [],
  },
});
