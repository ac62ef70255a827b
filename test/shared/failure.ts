/** "Name: message" of what fn throws ("no error" if nothing), to compare whole error messages. */
export function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
  return "no error";
}
