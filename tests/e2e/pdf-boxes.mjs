// The box the PDF reader keeps for a path of a fixture PDF (read in Node with the CLI's code),
// to compare with where the viewer draws its mark.
import { readFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

export async function expectedBox(file, path) {
  const { extractPdfBytes } = await tsImport('../../core/node/pdf.ts', import.meta.url);
  const boxes = new Map();
  await extractPdfBytes(new Uint8Array(readFileSync(file)), { onBox: (p, b) => boxes.set(p, b) });
  return boxes.get(path);
}
