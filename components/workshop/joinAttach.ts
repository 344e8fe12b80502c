import type { AttachModule } from './useWorkshop';

/**
 * Several client modules' listeners as one `attach` for `useWorkshop`, which takes one.
 * Wrap the call in `useCallback` (or pass stable attaches) so the socket is made once.
 */
export function joinAttach(...modules: AttachModule[]): AttachModule {
  return (socket) => {
    const detach = modules.map((m) => m(socket));
    return () => {
      for (const d of detach) d();
    };
  };
}
