export function rng(seed: number): () => number;
export function randomChineseText(size: number, seed?: number): string;
