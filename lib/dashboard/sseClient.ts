/** What an SSE client writes to: a `ServerResponse`, or any Node writable. */
export interface SseSink {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * One page's event stream. Messages are written while the socket keeps up; once its buffer is
 * full, later messages are dropped rather than queued, and when it drains the page gets the
 * latest state whole. So a stalled page costs one buffered message at most, however long it
 * stalls, and still ends up showing the newest values.
 */
export class SseClient {
  #stale = false;
  /** Messages not written because the page had not caught up. */
  dropped = 0;

  constructor(
    private readonly sink: SseSink,
    /** The latest state as one message, for a page that caught up again. */
    private readonly latest: () => string,
  ) {}

  /** Whether the socket's buffer is full (messages are being dropped). */
  get stale(): boolean {
    return this.#stale;
  }

  send(chunk: string): void {
    if (this.#stale) {
      this.dropped++;
      return;
    }
    if (!this.sink.write(chunk)) {
      // A full buffer (one big snapshot is enough): hold back until it drains, then catch up
      // with the latest state only if something was dropped meanwhile.
      this.#stale = true;
      const dropped = this.dropped;
      this.sink.once('drain', () => {
        this.#stale = false;
        if (this.dropped !== dropped) this.send(this.latest());
      });
    }
  }
}
