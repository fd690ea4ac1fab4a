import { createDiagnosticLogger, type Diagnostic, formatDiagnostic } from '@concord/build-core';
import { describe, expect, it } from 'vitest';

const warning: Diagnostic = {
  code: 'CONCORD-105',
  severity: 'warning',
  message: 'shared["zustand"] sets `singleton: false`.',
};

describe('formatDiagnostic', () => {
  it('prints prefix, code, sentence and docs link', () => {
    expect(formatDiagnostic(warning, { color: false })).toBe(
      '[concord] CONCORD-105 shared["zustand"] sets `singleton: false`. See docs/diagnostics.md#concord-105',
    );
  });

  it('colours the code by severity with picocolors', () => {
    const text = formatDiagnostic(warning, { color: true });
    expect(text).toContain('\u001b[33mCONCORD-105'); // yellow: a warning
    expect(formatDiagnostic({ ...warning, severity: 'error' }, { color: true })).toContain(
      '\u001b[31mCONCORD-105',
    );
    expect(
      text
        .split(String.fromCharCode(27))
        .map((part) => part.replace(/^\[\d+m/, ''))
        .join(''),
    ).toBe(formatDiagnostic(warning, { color: false }));
  });
});

describe('createDiagnosticLogger', () => {
  it('routes by severity and prints each distinct diagnostic once (warnOnce)', () => {
    const lines: string[] = [];
    const logger = createDiagnosticLogger(
      {
        info: (m) => lines.push(`info ${m}`),
        warn: (m) => lines.push(`warn ${m}`),
        error: (m) => lines.push(`error ${m}`),
      },
      { color: false },
    );
    expect(logger.report(warning)).toBe(true);
    expect(logger.report({ ...warning })).toBe(false);
    logger.report({ ...warning, code: 'CONCORD-101', severity: 'error' });
    logger.report({ ...warning, message: 'another package.' });
    logger.info('table');
    expect(lines.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'warn [concord] CONCORD-105',
      'error [concord] CONCORD-101',
      'warn [concord] CONCORD-105',
      'info table',
    ]);
    expect(lines[2]).toContain('another package.');
  });
});
