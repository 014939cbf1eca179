export function textAsPage(text: string): string;
