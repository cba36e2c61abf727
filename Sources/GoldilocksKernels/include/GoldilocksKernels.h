#ifndef GOLDILOCKS_KERNELS_H
#define GOLDILOCKS_KERNELS_H

/// Goldilocks's built-in single-precision matrix product for x86-64 CPUs with AVX2 and FMA.
///
/// Only the kernels live in C: GoldilocksCore checks the arguments, chooses this path and splits
/// products across threads. The kernels are compiled for every x86-64 CPU (no flags), and the
/// AVX2/FMA instructions sit in inline assembly that runs only where the CPU has them.

/// 1 when this process may call `goldilocks_sgemm` (an x86-64 CPU with AVX2 and FMA, and an OS
/// that saves the AVX registers), else 0.
int goldilocks_sgemm_supported(void);

/// `C = alpha * op(A) * op(B) + beta * C` on row-major matrices, as CBLAS's row-major sgemm with
/// `trans_a`/`trans_b` 0 (as stored) or 1 (transposed). `op(A)` is m×k, `op(B)` k×n, C m×n; with
/// `beta == 0`, C is only written. Call only where `goldilocks_sgemm_supported()` is 1.
/// Allocates a packing buffer once per calling thread (freed when the thread ends).
void goldilocks_sgemm(
    int trans_a, int trans_b, long m, long n, long k, float alpha, const float *a, long lda, const float *b, long ldb,
    float beta, float *c, long ldc);

#endif
