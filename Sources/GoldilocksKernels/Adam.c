#include "GoldilocksKernels.h"

// Every operation rounded on its own, as in Swift: never a fused multiply-add.
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)

int goldilocks_avx2_fma_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

/// The scalars, read by the assembly at fixed offsets (do not reorder).
typedef struct {
    float keep, weight, beta2, oneMinusBeta2, negativeStepSize, correction2, eps;
} AdamScalars;

void goldilocks_adam(
    float *p, const float *grad, float *m, float *v, long count, float keep, float weight, float beta2,
    float oneMinusBeta2, float negativeStepSize, float correction2, float eps) {
    AdamScalars s = {keep, weight, beta2, oneMinusBeta2, negativeStepSize, correction2, eps};
    long blocks = count / 8;
    if (blocks > 0) {
        // Inline assembly for the same reasons as the matrix kernel (no flags, fast at -O0), and
        // because only here is it certain no multiply-add gets fused.
        __asm__ volatile(
            "vbroadcastss 0(%[s]), %%ymm8\n\t"
            "vbroadcastss 4(%[s]), %%ymm9\n\t"
            "vbroadcastss 8(%[s]), %%ymm10\n\t"
            "vbroadcastss 12(%[s]), %%ymm11\n\t"
            "vbroadcastss 16(%[s]), %%ymm12\n\t"
            "vbroadcastss 20(%[s]), %%ymm13\n\t"
            "vbroadcastss 24(%[s]), %%ymm14\n\t"
            "xorq %%rax, %%rax\n\t"
            "1:\n\t"
            "vmovups (%[g],%%rax), %%ymm0\n\t"        // g
            "vmovups (%[m],%%rax), %%ymm1\n\t"        // m
            "vsubps %%ymm1, %%ymm0, %%ymm2\n\t"       // g - m
            "vmulps %%ymm2, %%ymm9, %%ymm2\n\t"       // weight·(g - m)
            "vaddps %%ymm2, %%ymm1, %%ymm1\n\t"       // m'
            "vmovups %%ymm1, (%[m],%%rax)\n\t"
            "vmovups (%[v],%%rax), %%ymm3\n\t"
            "vmulps %%ymm10, %%ymm3, %%ymm3\n\t"      // v·beta2
            "vmulps %%ymm0, %%ymm11, %%ymm4\n\t"      // oneMinusBeta2·g
            "vmulps %%ymm0, %%ymm4, %%ymm4\n\t"       // ·g
            "vaddps %%ymm4, %%ymm3, %%ymm3\n\t"       // v'
            "vmovups %%ymm3, (%[v],%%rax)\n\t"
            "vsqrtps %%ymm3, %%ymm3\n\t"
            "vdivps %%ymm13, %%ymm3, %%ymm3\n\t"      // √v' / correction2
            "vaddps %%ymm14, %%ymm3, %%ymm3\n\t"      // + eps
            "vmulps %%ymm1, %%ymm12, %%ymm1\n\t"      // negativeStepSize·m'
            "vdivps %%ymm3, %%ymm1, %%ymm1\n\t"
            "vmovups (%[p],%%rax), %%ymm5\n\t"
            "vmulps %%ymm8, %%ymm5, %%ymm5\n\t"       // p·keep
            "vaddps %%ymm1, %%ymm5, %%ymm5\n\t"
            "vmovups %%ymm5, (%[p],%%rax)\n\t"
            "addq $32, %%rax\n\t"
            "decq %[n]\n\t"
            "jnz 1b\n\t"
            "vzeroupper\n\t"
            : [n] "+r"(blocks)
            : [s] "r"(&s), [g] "r"(grad), [m] "r"(m), [v] "r"(v), [p] "r"(p)
            : "rax", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
              "xmm13", "xmm14", "memory", "cc");
    }
    for (long i = count / 8 * 8; i < count; i++) {
        float g = grad[i];
        float mi = m[i] + weight * (g - m[i]);
        float vi = v[i] * beta2 + oneMinusBeta2 * g * g;
        m[i] = mi;
        v[i] = vi;
        p[i] = p[i] * keep + negativeStepSize * mi / (__builtin_sqrtf(vi) / correction2 + eps);
    }
}

#else

int goldilocks_avx2_fma_supported(void) { return 0; }

/// Never called: `goldilocks_avx2_fma_supported()` is 0 on other CPUs, which use the Swift loop.
void goldilocks_adam(
    float *p, const float *grad, float *m, float *v, long count, float keep, float weight, float beta2,
    float oneMinusBeta2, float negativeStepSize, float correction2, float eps) {
    (void)p, (void)grad, (void)m, (void)v, (void)count, (void)keep, (void)weight, (void)beta2;
    (void)oneMinusBeta2, (void)negativeStepSize, (void)correction2, (void)eps;
}

#endif
