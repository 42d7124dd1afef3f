#include "CGLPKShims.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#define CGLPK_CAPTURE_CAPACITY 65536

// Every piece of state is per thread, like Debian's GLPK environment itself.
static _Thread_local jmp_buf *cglpk_active_jump = NULL;
static _Thread_local unsigned long cglpk_generation = 0;
static _Thread_local char cglpk_buffer[CGLPK_CAPTURE_CAPACITY];
static _Thread_local size_t cglpk_buffer_length = 0;
static _Thread_local int cglpk_capturing = 0;
static _Thread_local int cglpk_echo = 0;

static int cglpk_term_hook(void *info, const char *text) {
    (void)info;
    size_t length = strlen(text);
    if (cglpk_capturing) {
        size_t room = CGLPK_CAPTURE_CAPACITY - 1 - cglpk_buffer_length;
        size_t copied = length < room ? length : room;
        memcpy(cglpk_buffer + cglpk_buffer_length, text, copied);
        cglpk_buffer_length += copied;
        cglpk_buffer[cglpk_buffer_length] = '\0';
    }
    if (cglpk_echo) {
        fputs(text, stderr);
    }
    return 1;  // GLPK's own printing is always suppressed: stdout stays machine-readable.
}

static void cglpk_error_hook(void *info) {
    jmp_buf *jump = (jmp_buf *)info;
    // GLPK's documented recovery: free the whole environment of this thread, then jump out.
    glp_free_env();
    cglpk_generation += 1;
    cglpk_active_jump = NULL;
    longjmp(*jump, 1);
}

int cglpk_guarded_call(cglpk_body body, void *context) {
    jmp_buf jump;
    jmp_buf *volatile previous = cglpk_active_jump;
    if (setjmp(jump) != 0) {
        cglpk_active_jump = previous;
        return 1;
    }
    cglpk_active_jump = &jump;
    glp_term_hook(cglpk_term_hook, NULL);
    glp_error_hook(cglpk_error_hook, &jump);
    body(context);
    cglpk_active_jump = previous;
    if (previous != NULL) {
        glp_error_hook(cglpk_error_hook, previous);
    } else {
        glp_error_hook(NULL, NULL);
    }
    return 0;
}

unsigned long cglpk_environment_generation(void) {
    return cglpk_generation;
}

void cglpk_capture_begin(int echo) {
    cglpk_buffer_length = 0;
    cglpk_buffer[0] = '\0';
    cglpk_capturing = 1;
    cglpk_echo = echo;
    glp_term_hook(cglpk_term_hook, NULL);
}

const char *cglpk_captured_text(void) {
    return cglpk_buffer;
}

void cglpk_capture_end(void) {
    cglpk_capturing = 0;
    cglpk_echo = 0;
}
