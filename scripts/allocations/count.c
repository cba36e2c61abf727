// Counts heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc) and prints
// the total at exit; loaded with LD_PRELOAD by scripts/check-allocations.
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
static size_t count;
void *malloc(size_t n) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_malloc(n); }
void *calloc(size_t a, size_t b) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_realloc(p, n); }
int posix_memalign(void **p, size_t a, size_t n) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); *p = __libc_memalign(a, n); return *p ? 0 : 12; }
void *aligned_alloc(size_t a, size_t n) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_memalign(a, n); }
__attribute__((destructor)) static void report(void) { fprintf(stderr, "allocations: %zu\n", count); }
