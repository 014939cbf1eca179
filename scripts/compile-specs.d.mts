export function compileSpecs(write?: boolean): Record<string, string>;
