import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SseClient } from '../../lib/dashboard/sseClient.js';

describe('SseClient', () => {
  it('holds at most one message for a stalled page, and sends the latest state when it drains', async () => {
    const written: string[] = [];
    const pending: (() => void)[] = [];
    // A socket whose reader has stopped: nothing written completes until release().
    const sink = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        written.push(String(chunk));
        pending.push(done);
      },
    });
    let version = 0;
    const client = new SseClient(sink, () => `latest ${version}\n\n`);
    for (; version < 10_000; version++) client.send(`delta ${version} ${'x'.repeat(500)}\n\n`);
    expect(client.stale).toBe(true);
    expect(sink.writableLength).toBeLessThanOrEqual(1024 + 600);
    expect(client.dropped).toBeGreaterThan(9_990);
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(client.stale).toBe(false);
    expect(written.at(-1)).toBe('latest 10000\n\n');
    expect(written.length).toBeLessThan(5);
  });
});
