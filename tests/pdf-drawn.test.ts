/**
 * The drawn rules read from a PDF's content streams (core/pdf/drawn.ts) against pdf.js's
 * operator lists, the reference: on every page of the fixture PDFs, and on small PDFs built
 * here to hold what real files hold (transforms, forms with a matrix, curves, clipping paths,
 * inline images, strings and comments that look like path operators, object and cross-reference
 * streams, ASCII filters). A file or page the reader cannot read falls back to the operator
 * list and says so (`fromOperatorLists`).
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DrawnReader } from '../core/pdf/drawn.ts';
import { type PdfJsDocument, type PdfOps, readPdf } from '../core/pdf/read.ts';
import { extractPdfBytes, nodeInflate } from '../core/node/pdf.ts';
import { analyzeDocument } from '../core/analyze.ts';
import type { PdfPage } from '../core/extract/pdf.ts';

const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as {
  getDocument(o: Record<string, unknown>): { promise: Promise<PdfJsDocument & { destroy(): Promise<void> }> };
  OPS: PdfOps;
};
const open = (bytes: Uint8Array) => pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;

/** Both readings of a document: the fast reader's and pdf.js's operator lists'. */
async function both(bytes: Uint8Array) {
  const doc = await open(bytes);
  const fast = await readPdf(doc, pdfjs.OPS, { inflate: nodeInflate });
  const reference = await readPdf(doc, pdfjs.OPS, { operatorLists: true });
  await doc.destroy();
  return { fast, reference };
}

function expectSameRules(a: PdfPage[], b: PdfPage[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((p, i) => {
    const q = b[i] as PdfPage;
    expect(p.rects.length, `page ${p.number}`).toBe(q.rects.length);
    p.rects.forEach((r, k) => {
      const s = q.rects[k] as typeof r & { stroke?: boolean };
      for (const key of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(r[key] - s[key]), `page ${p.number} rect ${k} ${key}`).toBeLessThan(1e-3);
      expect(!!(r as { stroke?: boolean }).stroke).toBe(!!s.stroke);
    });
  });
}

// ── a small PDF writer ──────────────────────────────────────────────────────────────────────

const enc = new TextEncoder();
const bytesOf = (s: string | Uint8Array) => (typeof s === 'string' ? enc.encode(s) : s);
function join(parts: (string | Uint8Array)[]): Uint8Array {
  const bs = parts.map(bytesOf);
  const out = new Uint8Array(bs.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bs) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
const stream = (dict: string, data: string | Uint8Array) => join([`<< ${dict} /Length ${bytesOf(data).length} >>\nstream\n`, data, '\nendstream']);
const flate = (dict: string, data: string) => stream(`${dict} /Filter /FlateDecode`, new Uint8Array(deflateSync(enc.encode(data))));

/** A PDF with these objects (1-based numbers; 1 is the catalog) and a classic xref table. */
function pdfFile(objects: (string | Uint8Array)[]): Uint8Array {
  const parts: (string | Uint8Array)[] = ['%PDF-1.7\n%\xff\n'];
  let offset = bytesOf(parts[0] as string).length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const b = join([`${i + 1} 0 obj\n`, o, '\nendobj\n']);
    parts.push(b);
    offset += b.length;
  });
  const xref = ['xref\n', `0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(xref, `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return join(parts);
}

/**
 * The same document with its small objects packed in an object stream and a cross-reference
 * stream instead of the table (PDF 1.5), as Word and WPS write them.
 */
function packedPdfFile(objects: (string | Uint8Array)[], packed: number[]): Uint8Array {
  const n = objects.length;
  const objStm = n + 1;
  const xrefNo = n + 2;
  const inside = packed.map((k) => bytesOf(objects[k - 1] as string));
  let body = '';
  const head: string[] = [];
  inside.forEach((b, i) => {
    head.push(`${packed[i]} ${body.length}`);
    body += new TextDecoder().decode(b) + '\n';
  });
  const headText = head.join(' ') + '\n';
  const all: (string | Uint8Array)[] = [...objects.map((o, i) => (packed.includes(i + 1) ? '' : o)), flate(`/Type /ObjStm /N ${packed.length} /First ${headText.length}`, headText + body)];
  const parts: (string | Uint8Array)[] = ['%PDF-1.7\n%\xff\n'];
  let offset = bytesOf(parts[0] as string).length;
  const offsets = new Map<number, number>();
  all.forEach((o, i) => {
    if (o === '') return;
    offsets.set(i + 1, offset);
    const b = join([`${i + 1} 0 obj\n`, o, '\nendobj\n']);
    parts.push(b);
    offset += b.length;
  });
  offsets.set(xrefNo, offset);
  const rows: number[] = [0, 0, 0xffff];
  for (let k = 1; k <= xrefNo; k++) {
    const at = packed.indexOf(k);
    if (at >= 0) rows.push(2, objStm, at);
    else rows.push(1, offsets.get(k) ?? 0, 0);
  }
  const data = new Uint8Array((rows.length / 3) * 7);
  for (let r = 0; r < rows.length / 3; r++) {
    const [t, f2, f3] = [rows[3 * r], rows[3 * r + 1], rows[3 * r + 2]] as [number, number, number];
    data.set([t, (f2 >>> 24) & 255, (f2 >>> 16) & 255, (f2 >>> 8) & 255, f2 & 255, (f3 >>> 8) & 255, f3 & 255], r * 7);
  }
  parts.push(join([`${xrefNo} 0 obj\n`, stream(`/Type /XRef /Size ${xrefNo + 1} /W [1 4 2] /Root 1 0 R`, data), '\nendobj\n']));
  parts.push(`startxref\n${offset}\n%%EOF\n`);
  return join(parts);
}

// One page drawing what real files draw; every painted path is one box pdf.js reports.
const CONTENT = [
  '% 0 0 500 500 re f  -- a comment, not a path',
  'q 0.5 0 0 0.5 20 700 cm 0 0 400 1.2 re f Q', // a scaled rule
  '1 0 0 1 0 0 cm 50 600 m 300 600 l S', // a stroked line
  '60 550 m 60 500 l h s', // closed and stroked
  'q 30 400 m 80 480 120 380 160 420 c f Q', // a curve: its extremes, not its control points
  '10 10 100 100 re W n', // a clipping path: not painted
  'BT /F1 12 Tf 72 300 Td (0 0 9 9 re f \\) still a string (nested) ) Tj [(a) -250 <0052>] TJ ET',
  '/Span << /MCID 0 /Alt (x >> y) >> BDC 200 200 150 0.8 re f EMC',
  'BI /W 12 /H 1 /BPC 8 /CS /G ID 0 0 9 9 re f EI', // an inline image whose data reads as a path
  'q 1 0 0 1 100 100 cm /Fm1 Do Q', // a form drawn under a matrix
  '-5 -5 2 -40 re B', // negative width and height, fill and stroke
].join('\n');
const FORM = 'q 0 0 80 0.5 re f Q 0 0 m 0 60 l 1 0 0 rg S';

function samplePdf(content: (s: string) => Uint8Array = (s) => flate('', s)): (string | Uint8Array)[] {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /Fm1 5 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 6 0 R] >>',
    content(CONTENT),
    flate('/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [2 0 0 2 10 0]', FORM),
    // a text object never closed: what follows is still read
    content('q 0 0 1 rg 400 50 100 2 re f Q BT /F1 9 Tf (x) Tj 300 300 50 1 re f'),
  ];
}

describe('drawn rules read from content streams', () => {
  for (const name of ['donghu-hrss-2023-final', 'hanyang-hr-2023-final', 'jianghan-hr-2024-budget']) {
    it(`${name}.pdf: the same rules as pdf.js's operator lists, on every page`, async () => {
      const { fast, reference } = await both(new Uint8Array(readFileSync(`tests/pages/pdf/${name}.pdf`)));
      expect(fast.fromOperatorLists).toBe(0);
      expect(reference.fromOperatorLists).toBe(reference.pages.length);
      expect(reference.pages.reduce((n, p) => n + p.rects.length, 0)).toBeGreaterThan(1000);
      expectSameRules(fast.pages, reference.pages);
      expect(fast.images).toBe(reference.images);
    }, 60_000);
  }

  it('a page with transforms, a form, curves, a clip, an inline image and path-like text: as pdf.js reads it', async () => {
    const { fast, reference } = await both(pdfFile(samplePdf()));
    expect(fast.fromOperatorLists).toBe(0);
    expect(reference.pages[0]?.rects.length).toBe(10);
    expectSameRules(fast.pages, reference.pages);
  });

  it('objects in an object stream, a cross-reference stream, ASCII hex content: as pdf.js reads it', async () => {
    const hex = (s: string) => stream('/Filter /ASCIIHexDecode', `${[...enc.encode(s)].map((b) => b.toString(16).padStart(2, '0')).join('')}>`);
    const file = packedPdfFile(samplePdf(hex), [2, 3]);
    const { fast, reference } = await both(file);
    expect(fast.fromOperatorLists).toBe(0);
    expect(reference.pages[0]?.rects.length).toBe(10);
    expectSameRules(fast.pages, reference.pages);
  });

  it('ASCII85 content: as pdf.js reads it', async () => {
    const a85 = (text: string) => {
      const b = enc.encode(text);
      let out = '';
      for (let i = 0; i < b.length; i += 4) {
        const n = Math.min(4, b.length - i);
        let v = 0;
        for (let k = 0; k < 4; k++) v = v * 256 + (b[i + k] ?? 0);
        const digits: string[] = [];
        for (let k = 0; k < 5; k++) {
          digits.unshift(String.fromCharCode(33 + (v % 85)));
          v = Math.floor(v / 85);
        }
        out += n === 4 && digits.every((d) => d === '!') ? 'z' : digits.slice(0, n + 1).join('');
      }
      return stream('/Filter /ASCII85Decode', `${out}~>`);
    };
    const { fast, reference } = await both(pdfFile(samplePdf(a85)));
    expect(fast.fromOperatorLists).toBe(0);
    expect(reference.pages[0]?.rects.length).toBe(10);
    expectSameRules(fast.pages, reference.pages);
  });

  it('a filter the reader lacks: that page falls back to the operator list, with the same result', async () => {
    // Run-length data: [n-1] then n literal bytes, 128 = end.
    const runLength = (s: string) => {
      const b = enc.encode(s);
      const out: number[] = [];
      for (let i = 0; i < b.length; i += 128) {
        const chunk = b.subarray(i, i + 128);
        out.push(chunk.length - 1, ...chunk);
      }
      out.push(128);
      return stream('/Filter /RunLengthDecode', Uint8Array.from(out));
    };
    const { fast, reference } = await both(pdfFile(samplePdf(runLength)));
    expect(fast.fromOperatorLists).toBe(1);
    expectSameRules(fast.pages, reference.pages);
  });

  // Files another producer wrote (qpdf 11, from three pages of a fixture PDF; tests/pages/README.md).
  it('a file rewritten with object streams and a cross-reference stream: read, as pdf.js reads it', async () => {
    const { fast, reference } = await both(new Uint8Array(readFileSync('tests/pages/pdf/hanyang-hr-2023-final.p5-7.objstm.pdf')));
    expect(fast.fromOperatorLists).toBe(0);
    expect(reference.pages.reduce((n, p) => n + p.rects.length, 0)).toBeGreaterThan(100);
    expectSameRules(fast.pages, reference.pages);
  });

  it('a file encrypted with an empty user password (permissions only, common on government sites): pdf.js reads the rules, the audit is the plain file’s', async () => {
    const file = 'tests/pages/pdf/hanyang-hr-2023-final.p5-7.encrypted.pdf';
    const { fast, reference } = await both(new Uint8Array(readFileSync(file)));
    expect(fast.fromOperatorLists).toBe(fast.pages.length);
    expectSameRules(fast.pages, reference.pages);
    const audit = async (f: string) => {
      const r = analyzeDocument(await extractPdfBytes(new Uint8Array(readFileSync(f)), { name: 'x' }));
      return { summary: r.summary, findings: r.checks.map((c) => `${c.id} ${c.verdict} ${c.stated} ${c.expected}`) };
    };
    const plain = await audit('tests/pages/pdf/hanyang-hr-2023-final.p5-7.objstm.pdf');
    expect(plain.summary.tablesRecognised).toBeGreaterThan(0);
    expect(await audit(file)).toEqual(plain);
  });

  it('an encrypted file is not read (its streams are ciphertext), a broken one gives no reader', async () => {
    expect(await DrawnReader.open(new Uint8Array(readFileSync('tests/pages/pdf/bad-encrypted.pdf')), nodeInflate)).toBeUndefined();
    expect(await DrawnReader.open(enc.encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), nodeInflate)).toBeUndefined();
    expect(await DrawnReader.open(new Uint8Array(0), nodeInflate)).toBeUndefined();
    // truncated: the pages it can reach are read or refused, never an exception
    const cut = new Uint8Array(readFileSync('tests/pages/pdf/bad-truncated.pdf'));
    const r = await DrawnReader.open(cut, nodeInflate);
    for (let n = 1; n <= (r?.pageCount ?? 0); n++) await r?.page(n);
  });

  it('damaged bytes (300 random mutations of built and real files): an answer or a refusal, never an exception or a hang', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const files = [pdfFile(samplePdf()), packedPdfFile(samplePdf(), [2, 3]), new Uint8Array(readFileSync('tests/pages/pdf/hanyang-hr-2023-final.p5-7.objstm.pdf'))];
    let answered = 0;
    const started = performance.now();
    for (let k = 0; k < 300; k++) {
      const base = files[k % files.length] as Uint8Array;
      const bytes = base.slice();
      // a few bytes overwritten, or a cut
      if (random() < 0.2) bytes.fill(0x20, Math.floor(random() * bytes.length));
      else for (let i = 0; i < 1 + Math.floor(random() * 8); i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const reader = await DrawnReader.open(bytes, nodeInflate);
      for (let n = 1; n <= Math.min(reader?.pageCount ?? 0, 5); n++) {
        const d = await reader?.page(n);
        if (d) {
          answered++;
          for (const r of d.rects) expect(Number.isFinite(r.x + r.y + r.w + r.h)).toBe(true);
        }
      }
    }
    expect(answered).toBeGreaterThan(100);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
