/**
 * Links to PDF, workbook (`.xls`, `.xlsx`) and Word (`.docx`) attachments that are likely disclosures: a file whose link text or
 * file name names a budget or final accounts (预算, 决算, 三公 …), or that a TRS site named
 * by its attachment scheme (`P020240920…pdf`, `W020…pdf`) on a page that is a disclosure.
 * A PDF the page shows in itself (`<iframe>`, `<embed>`, `<object>`) is taken on a page that
 * is a disclosure whatever its name; a PDF shown through a viewer page
 * (`/pdfjs/web/viewer.html?file=/upload/x.pdf`) is the file the viewer shows.
 */
export interface PdfLink {
  href: string;
  text: string;
  /** shown in the page itself, not linked */
  embedded?: boolean;
  /** what the file is, by its name: a PDF, a workbook or a Word document */
  kind?: 'pdf' | 'workbook' | 'word';
}

const WORDS = /预算|决算|预决算|三公|收支|部门|财政|budget/i;
const TRS_ATTACHMENT = /\/[PW]0\d{6,}\S*\.(?:pdf|xlsx?|docx)$/i;
const MAX_LINKS = 20;

/** The attachment's kind by its name (a download script's `file=` / `name=` too), if it is one. */
function kindOf(url: URL): PdfLink['kind'] {
  const name = /\.(pdf|xlsx?|docx)$/i.exec(url.pathname)?.[1] ?? /[?&](?:file|filename|name)=[^&]*\.(pdf|xlsx?|docx)(?:&|$)/i.exec(url.search)?.[1];
  if (!name) return undefined;
  const ext = name.toLowerCase();
  return ext === 'pdf' ? 'pdf' : ext === 'docx' ? 'word' : 'workbook';
}

/** A viewer page's `file=` parameter: the PDF it shows, resolved against the viewer. */
function viewedFile(url: URL): URL | undefined {
  if (!/\.html?$/i.test(url.pathname)) return undefined;
  const file = url.searchParams.get('file');
  if (!file || !/\.pdf(?:[?#]|$)/i.test(file)) return undefined;
  try {
    return new URL(file, url);
  } catch {
    return undefined;
  }
}

export function disclosurePdfLinks(links: PdfLink[], pageUrl: string, pageIsDisclosure = true): PdfLink[] {
  const out: PdfLink[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    let url: URL;
    try {
      url = new URL(l.href, pageUrl || undefined);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const kind = kindOf(url);
    if (!kind) continue;
    // an embedded workbook or Word file is not something the page shows; only PDFs are shown in frames
    if (l.embedded && kind !== 'pdf') continue;
    const viewed = viewedFile(url);
    if (viewed) {
      if (viewed.protocol !== 'http:' && viewed.protocol !== 'https:') continue;
      url = viewed;
    }
    let name = `${url.pathname.split('/').pop() ?? ''} ${url.search}`;
    try {
      name = decodeURIComponent(name);
    } catch {
      // a malformed escape: keep it as it is
    }
    const text = l.text.replace(/\s+/g, ' ').trim();
    const onDisclosure = pageIsDisclosure && (l.embedded || TRS_ATTACHMENT.test(url.pathname));
    if (!(WORDS.test(text) || WORDS.test(name) || onDisclosure)) continue;
    const href = url.href;
    if (seen.has(href)) continue;
    seen.add(href);
    out.push({ href, text: text || name.trim(), kind });
    if (out.length >= MAX_LINKS) break;
  }
  return out;
}
