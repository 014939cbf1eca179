// A site's own module that imports the widgets' ES module build.
import '/dist/widgets/budget-lens-widgets.mjs';
