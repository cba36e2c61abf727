#ifndef GOLDILOCKS_KERNELS_H
#define GOLDILOCKS_KERNELS_H

/// Goldilocks's built-in kernels for x86-64 CPUs with AVX2 and FMA: the single-precision matrix
/// product and Adam's update.
///
/// Only the kernels live in C: the Swift targets check the arguments, choose these paths and split
/// the work across threads. The kernels are compiled for every x86-64 CPU (no flags), and the
/// AVX2/FMA instructions sit in inline assembly that runs only where the CPU has them, at the same
/// speed in debug (-O0) builds.

/// 1 when this process may call the kernels below (an x86-64 CPU with AVX2 and FMA, and an OS
/// that saves the AVX registers), else 0.
int goldilocks_avx2_fma_supported(void);

/// `C = alpha * op(A) * op(B) + beta * C` on row-major matrices, as CBLAS's row-major sgemm with
/// `trans_a`/`trans_b` 0 (as stored) or 1 (transposed). `op(A)` is m×k, `op(B)` k×n, C m×n; with
/// `beta == 0`, C is only written. Call only where `goldilocks_avx2_fma_supported()` is 1.
/// Allocates a packing buffer once per calling thread (freed when the thread ends); returns 0, or
/// -1 without touching C where that allocation failed.
int goldilocks_sgemm(
    int trans_a, int trans_b, long m, long n, long k, float alpha, const float *a, long lda, const float *b, long ldb,
    float beta, float *c, long ldc);

/// Adam's (and AdamW's) update of `count` Float parameters, eight lanes at a time:
/// ```
/// m ← m + weight·(g − m);   v ← v·beta2 + (oneMinusBeta2·g)·g
/// p ← p·keep + (negativeStepSize·m) / (√v / correction2 + eps)
/// ```
/// each operation rounded on its own (no fused multiply-add), in this order, so the result is the
/// same bit for bit as the scalar loop in GoldilocksOptimizers. Call only where
/// `goldilocks_avx2_fma_supported()` is 1.
void goldilocks_adam(
    float *p, const float *grad, float *m, float *v, long count, float keep, float weight, float beta2,
    float oneMinusBeta2, float negativeStepSize, float correction2, float eps);

#endif
