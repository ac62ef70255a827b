// A job's state moves in steps that read and write S3 (async): two calls that both find a step due
// must not run it twice. Work for one key runs after the work already queued for that key.
export class OneAtATime {
  private readonly queued = new Map<string, Promise<void>>();

  run(key: string, work: () => Promise<void>): Promise<void> {
    const next = (this.queued.get(key) ?? Promise.resolve()).then(work);
    this.queued.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  /** A key whose job is gone. */
  forget(key: string): void {
    this.queued.delete(key);
  }
}
