import type { Report } from '../types';

/** The report as JSON (schema/report.schema.json, `schema: 1`), two-space indented, ending in a newline. */
export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
