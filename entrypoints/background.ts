import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground({
  type: 'module',
  main() {
    // Messaging and badge handling arrive with the extension issue.
  },
});
