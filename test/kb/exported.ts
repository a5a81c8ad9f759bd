/** Reading an export back: the ids of the records in a CSV, JSON, JSONL or Markdown export, in their order. */
import { parse } from 'csv-parse/sync';
import type { ExportFormat } from '../../src/kb/export.ts';

export function exportedIds(format: ExportFormat, text: string, kind: 'incidents' | 'reports'): string[] {
  switch (format) {
    case 'csv':
      return (parse(text, { bom: true, columns: true }) as Array<{ id: string }>).map((r) => r.id);
    case 'json':
      return (JSON.parse(text) as Array<{ id: string }>).map((r) => r.id);
    case 'jsonl':
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { id: string }).id);
    case 'md': {
      // An incident section names its id; a report section has none, so its heading line stands for it.
      if (kind === 'incidents') return [...text.matchAll(/^- \*\*id\*\*: `([^`]+)`/gm)].map((m) => m[1] as string);
      return [...text.matchAll(/^## (.*)\n\n- \*\*published\*\*: /gm)].map((m, k) => `${k}:${m[1]}`);
    }
  }
}
