// Reads one input — a file path, a directory holding mf-manifest.json, a file: URL or an http(s) URL — into text,
// with a byte cap and (for URLs) a timeout. Never throws: every failure becomes a reason sentence.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ResolvedLoadOptions as ReadOptions } from '../options';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string; fix: string };

const URL_RE = /^[a-z][a-z\d+.-]+:\/\//i;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} kB`
      : `${n} B`;

/**
 * A local file is read synchronously and its result returned as is, so its caller can parse the text at once
 * (see `readPath`); a URL answers with a promise.
 */
export function readInput(
  input: string,
  options: ReadOptions,
  signal?: AbortSignal,
): ReadResult | Promise<ReadResult> {
  if (URL_RE.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return fail('is not a valid URL', 'Check the spelling of the URL');
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') return readUrl(url, options, signal);
    if (url.protocol === 'file:') return readPath(fileURLToPath(url), options);
    return fail(`uses the unsupported scheme ${url.protocol}`, 'Pass a file path or an http(s) URL');
  }
  return readPath(isAbsolute(input) ? input : resolve(options.cwd, input), options);
}

const fail = (reason: string, fix: string): ReadResult => ({ ok: false, reason, fix });

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of blocking forever; the descriptor is then
// checked with fstat and anything but a regular file is refused before a byte is read.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
const CHUNK = 64 * 1024;

/**
 * Files up to this size are read into one buffer kept for the module's life: a file is read and decoded
 * before `readInput` returns, so no two reads share it. A fresh buffer per file (each over Node's pool
 * size, so its own allocation outside the heap) cost a 1,000-file report about 10 ms.
 */
const SCRATCH_MAX = 1024 * 1024;
let scratchBuffer: Buffer | undefined;
const scratch = (bytes: number): Buffer => {
  if (scratchBuffer === undefined || scratchBuffer.length < bytes)
    scratchBuffer = Buffer.allocUnsafe(Math.max(bytes, CHUNK));
  return scratchBuffer;
};

/**
 * A local file is read with the synchronous calls: a manifest is a few kB, and a fleet's 1,000 of them took
 * 180 ms through fs/promises (four thread-pool round trips per file, and every text held at once until the
 * last read settled) against 88 ms for readFileSync + JSON.parse. The result is not wrapped in a promise, so
 * `loadManifest` parses each text as soon as it is read. Only regular files are read (see OPEN_FLAGS).
 */
function readPath(path: string, { maxBytes }: ReadOptions): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    let info = fstatSync(fd);
    if (info.isDirectory()) {
      closeSync(fd);
      fd = undefined;
      path = join(path, 'mf-manifest.json');
      fd = openSync(path, OPEN_FLAGS);
      info = fstatSync(fd);
    }
    if (!info.isFile())
      return fail(
        `is ${kindOf(info)}, not a regular file (${path}); it was not read`,
        'Pass the mf-manifest.json file written by the build',
      );
    if (info.size > maxBytes) return tooBig(`is ${formatBytes(info.size)}`, maxBytes);
    return readCapped(fd, maxBytes, info.size);
  } catch (error) {
    return readError(error, path);
  } finally {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {}
  }
}

function readError(error: unknown, path: string): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return fail(
      `does not exist (looked for ${path})`,
      'Build the app with its federation manifest enabled, or fix the path',
    );
  if (code === 'EACCES') return fail(`cannot be read (permission denied: ${path})`, 'Fix its permissions');
  if (code === 'EISDIR') return fail('is a directory', 'Pass the mf-manifest.json inside it');
  return fail(`cannot be read (${code ?? (error as Error).message})`, 'Check the path');
}

/**
 * Reads at most `maxBytes` (+1 to tell "exactly the cap" from "more"), whatever the size stat claimed: one read
 * of at least the size it claimed plus one byte (the reused buffer may be larger), which a regular file answers
 * short when it has not grown (its end), then more only if it has, growing the buffer up to the cap.
 */
function readCapped(fd: number, maxBytes: number, size: number): ReadResult {
  const first = Math.min(size, maxBytes) + 1;
  let buffer = first <= SCRATCH_MAX ? scratch(first) : Buffer.allocUnsafe(first);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(total + CHUNK, maxBytes + 1));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const wanted = buffer.length - total;
    const bytesRead = readSync(fd, buffer, total, wanted, null);
    total += bytesRead;
    if (total > maxBytes) return tooBig(`grew past ${formatBytes(maxBytes)} while being read`, maxBytes);
    if (bytesRead < wanted) break;
  }
  return { ok: true, text: buffer.toString('utf8', 0, total) };
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

async function readUrl(
  url: URL,
  { timeoutMs, maxBytes }: ReadOptions,
  deadline?: AbortSignal,
): Promise<ReadResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = deadline ? AbortSignal.any([timeout, deadline]) : timeout;
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return fail(
        `answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
        res.status === 404
          ? 'Check that the app is deployed with its mf-manifest.json at that URL'
          : 'Check the server serving it',
      );
    }
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      return tooBig(`declares ${formatBytes(declared)}`, maxBytes);
    }
    if (!res.body) return { ok: true, text: '' };
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooBig(`sent more than ${formatBytes(maxBytes)}`, maxBytes);
      }
      chunks.push(value);
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    if (deadline?.aborted && !timeout.aborted)
      return fail(
        "was still loading when the report's deadline passed",
        'Check that the server is up, or raise the limit with `deadlineMs` / --deadline',
      );
    if (signal.aborted)
      return fail(
        `did not answer within ${timeoutMs} ms`,
        'Check that the server is up, or raise the limit with `timeoutMs` / --timeout',
      );
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? cause?.message ?? (error as Error).message;
    return fail(
      `is unreachable (${code})`,
      'Check the host name and port, and that the app is deployed and reachable from here',
    );
  }
}

const tooBig = (what: string, maxBytes: number): ReadResult =>
  fail(
    `${what}, over the ${formatBytes(maxBytes)} limit`,
    'Point at the mf-manifest.json itself, or raise the limit with `maxBytes` / --max-bytes',
  );
