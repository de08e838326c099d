// Coalesces concurrent calls for the same thing in this process: the first
// caller runs the work, later ones share its promise until it settles.
export class SingleFlight {
  private readonly flights = new Map<string, Promise<unknown>>();

  /** `shared` is told whether this caller joined a flight already running. */
  run<T>(key: string, work: () => Promise<T>, shared?: () => void): Promise<T> {
    const running = this.flights.get(key);
    if (running) {
      shared?.();
      return running as Promise<T>;
    }

    const flight = work().finally(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
    this.flights.set(key, flight);
    return flight;
  }

  /** Later callers of keys with this prefix start afresh; joiners keep theirs. */
  forget(prefix: string): void {
    for (const key of this.flights.keys())
      if (key.startsWith(prefix)) this.flights.delete(key);
  }
}
