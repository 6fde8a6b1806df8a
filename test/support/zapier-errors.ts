/**
 * Zapier's error classes carry JSON in `message` (`{"message", "code", "status"}` or
 * `{"message", "delay"}`); tests read what the user would see.
 */
export type UserFacingError = {
  name: string;
  message: string;
  code?: string;
  status?: number;
  delay?: number;
};

export function userFacing(error: unknown): UserFacingError {
  if (!(error instanceof Error)) throw new Error(`not an Error: ${String(error)}`);
  try {
    const parsed = JSON.parse(error.message) as Omit<UserFacingError, 'name'>;
    if (typeof parsed === 'object' && parsed && typeof parsed.message === 'string') {
      return { name: error.name, ...parsed };
    }
  } catch {
    // A plain message.
  }
  return { name: error.name, message: error.message };
}

/** Awaits a promise that must reject, and returns what the user would see. */
export async function rejectionOf(promise: Promise<unknown>): Promise<UserFacingError> {
  try {
    await promise;
  } catch (error) {
    return userFacing(error);
  }
  throw new Error('expected a rejection, but the promise resolved');
}
