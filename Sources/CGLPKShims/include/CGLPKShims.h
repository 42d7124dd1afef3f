#ifndef CGLPK_SHIMS_H
#define CGLPK_SHIMS_H

#include <glpk.h>
#include <stddef.h>

/// A body run under the GLPK error guard. It receives the context pointer passed to `cglpk_guarded_call`.
typedef void (*cglpk_body)(void *context);

/// Runs `body(context)` with GLPK's error hook installed on the calling thread.
///
/// Returns 0 when the body returned normally and 1 when GLPK reported an internal error. In the second
/// case GLPK's environment of the calling thread has been freed (`glp_free_env`), so every problem and
/// translator workspace created on this thread is gone; `cglpk_environment_generation` has changed.
/// The GLPK message is available from `cglpk_captured_text` until the next capture begins.
int cglpk_guarded_call(cglpk_body body, void *context);

/// A counter that changes every time the error guard frees the calling thread's GLPK environment.
/// Problems created under an older generation must not be deleted again.
unsigned long cglpk_environment_generation(void);

/// Starts capturing GLPK's terminal output on the calling thread into a buffer.
/// When `echo` is non-zero, the output is also written to standard error.
void cglpk_capture_begin(int echo);

/// The text captured on this thread since the last `cglpk_capture_begin` (NUL-terminated, truncated at 64 KiB).
const char *cglpk_captured_text(void);

/// Stops capturing; GLPK's terminal output goes back to being discarded (or echoed if requested).
void cglpk_capture_end(void);

#endif
