/** A client request id: the server stores a write once per id, so retries and double taps are safe. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
