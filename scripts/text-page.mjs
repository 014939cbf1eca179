// A text with tab-separated tables as the body of a plain page: each run of tab-separated lines
// (blank lines between allowed) a ruled `<table>` of one cell a field, no spans; every other line
// a `<p>`. Used for the made-up 决算's page (scripts/make-final-sample.mjs) and by the tests that
// read the samples as pages (tests/samples.test.ts).

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page body (tables and paragraphs) for `text`. */
export function textAsPage(text) {
  const body = [];
  let rows = [];
  const flush = () => {
    if (rows.length) body.push(`<table border="1">${rows.map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('')}</table>`);
    rows = [];
  };
  for (const l of text.split('\n')) {
    if (l.includes('\t')) rows.push(l.split('\t'));
    else if (l.trim() === '' && rows.length) continue;
    else {
      flush();
      if (l.trim()) body.push(`<p>${esc(l)}</p>`);
    }
  }
  flush();
  return body.join('\n');
}
