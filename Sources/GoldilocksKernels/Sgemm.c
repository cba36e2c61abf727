#include "GoldilocksKernels.h"

#if defined(__x86_64__)

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/// The register block (6 rows × 16 columns of C in 12 AVX registers) and the cache blocks: a
/// 16-column strip of B (KC × 16, 16 KB) stays in L1 while the row strips of an MC × KC block of
/// A (144 KB) stream from L2.
enum { MR = 6, NR = 16, KC = 256, MC = 144, NC = 2048 };

/// One MR × NR tile's product, read by the assembly at fixed offsets (do not reorder).
typedef struct {
    long k;             // 0: steps along k
    const float *a;     // 8: A's element (row 0, step 0)
    long a_row;         // 16: bytes between A's rows
    long a_step;        // 24: bytes between A's steps
    const float *b;     // 32: B's 16 columns at step 0 (contiguous)
    long b_step;        // 40: bytes between B's steps
    float *c;           // 48: the tile's first element
    long ldc;           // 56: bytes between C's rows
    float alpha;        // 64
    float beta;         // 68
    long add_c;         // 72: 0 stores alpha·AB (C not read, NaN there is overwritten); else beta·C + alpha·AB
} Tile;

/// C[0..6, 0..16] = alpha · A · B (+ beta · C), A and B strided as `t` says.
///
/// Inline assembly rather than intrinsics: debug builds compile this file at -O0, where
/// intrinsics spill every register to the stack (measured some 300× slower); the assembly runs
/// at the same speed in every build, and needs no compiler flag for AVX2/FMA.
static void kernel6x16(const Tile *t) {
    __asm__ volatile(
        "movq 0(%[t]), %%rax\n\t"
        "movq 8(%[t]), %%rsi\n\t"
        "movq 16(%[t]), %%r8\n\t"
        "movq 24(%[t]), %%r9\n\t"
        "movq 32(%[t]), %%rdi\n\t"
        "movq 40(%[t]), %%r10\n\t"
        "movq 48(%[t]), %%rcx\n\t"
        "movq 56(%[t]), %%rdx\n\t"
        "leaq (%%rsi,%%r8,2), %%r11\n\t"
        "addq %%r8, %%r11\n\t"  // rows 3..5
        "vxorps %%ymm4, %%ymm4, %%ymm4\n\t"
        "vxorps %%ymm5, %%ymm5, %%ymm5\n\t"
        "vxorps %%ymm6, %%ymm6, %%ymm6\n\t"
        "vxorps %%ymm7, %%ymm7, %%ymm7\n\t"
        "vxorps %%ymm8, %%ymm8, %%ymm8\n\t"
        "vxorps %%ymm9, %%ymm9, %%ymm9\n\t"
        "vxorps %%ymm10, %%ymm10, %%ymm10\n\t"
        "vxorps %%ymm11, %%ymm11, %%ymm11\n\t"
        "vxorps %%ymm12, %%ymm12, %%ymm12\n\t"
        "vxorps %%ymm13, %%ymm13, %%ymm13\n\t"
        "vxorps %%ymm14, %%ymm14, %%ymm14\n\t"
        "vxorps %%ymm15, %%ymm15, %%ymm15\n\t"
        "testq %%rax, %%rax\n\t"
        "jz 2f\n\t"
        "1:\n\t"
        "vmovups (%%rdi), %%ymm0\n\t"
        "vmovups 32(%%rdi), %%ymm1\n\t"
        "addq %%r10, %%rdi\n\t"
        "vbroadcastss (%%rsi), %%ymm2\n\t"
        "vfmadd231ps %%ymm0, %%ymm2, %%ymm4\n\t"
        "vfmadd231ps %%ymm1, %%ymm2, %%ymm5\n\t"
        "vbroadcastss (%%rsi,%%r8,1), %%ymm3\n\t"
        "vfmadd231ps %%ymm0, %%ymm3, %%ymm6\n\t"
        "vfmadd231ps %%ymm1, %%ymm3, %%ymm7\n\t"
        "vbroadcastss (%%rsi,%%r8,2), %%ymm2\n\t"
        "vfmadd231ps %%ymm0, %%ymm2, %%ymm8\n\t"
        "vfmadd231ps %%ymm1, %%ymm2, %%ymm9\n\t"
        "vbroadcastss (%%r11), %%ymm3\n\t"
        "vfmadd231ps %%ymm0, %%ymm3, %%ymm10\n\t"
        "vfmadd231ps %%ymm1, %%ymm3, %%ymm11\n\t"
        "vbroadcastss (%%r11,%%r8,1), %%ymm2\n\t"
        "vfmadd231ps %%ymm0, %%ymm2, %%ymm12\n\t"
        "vfmadd231ps %%ymm1, %%ymm2, %%ymm13\n\t"
        "vbroadcastss (%%r11,%%r8,2), %%ymm3\n\t"
        "vfmadd231ps %%ymm0, %%ymm3, %%ymm14\n\t"
        "vfmadd231ps %%ymm1, %%ymm3, %%ymm15\n\t"
        "addq %%r9, %%rsi\n\t"
        "addq %%r9, %%r11\n\t"
        "decq %%rax\n\t"
        "jnz 1b\n\t"
        "2:\n\t"
        "vbroadcastss 64(%[t]), %%ymm0\n\t"
        "vmulps %%ymm0, %%ymm4, %%ymm4\n\t"
        "vmulps %%ymm0, %%ymm5, %%ymm5\n\t"
        "vmulps %%ymm0, %%ymm6, %%ymm6\n\t"
        "vmulps %%ymm0, %%ymm7, %%ymm7\n\t"
        "vmulps %%ymm0, %%ymm8, %%ymm8\n\t"
        "vmulps %%ymm0, %%ymm9, %%ymm9\n\t"
        "vmulps %%ymm0, %%ymm10, %%ymm10\n\t"
        "vmulps %%ymm0, %%ymm11, %%ymm11\n\t"
        "vmulps %%ymm0, %%ymm12, %%ymm12\n\t"
        "vmulps %%ymm0, %%ymm13, %%ymm13\n\t"
        "vmulps %%ymm0, %%ymm14, %%ymm14\n\t"
        "vmulps %%ymm0, %%ymm15, %%ymm15\n\t"
        "cmpq $0, 72(%[t])\n\t"
        "je 3f\n\t"
        "vbroadcastss 68(%[t]), %%ymm1\n\t"
        "vfmadd231ps (%%rcx), %%ymm1, %%ymm4\n\t"
        "vfmadd231ps 32(%%rcx), %%ymm1, %%ymm5\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vfmadd231ps (%%rcx), %%ymm1, %%ymm6\n\t"
        "vfmadd231ps 32(%%rcx), %%ymm1, %%ymm7\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vfmadd231ps (%%rcx), %%ymm1, %%ymm8\n\t"
        "vfmadd231ps 32(%%rcx), %%ymm1, %%ymm9\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vfmadd231ps (%%rcx), %%ymm1, %%ymm10\n\t"
        "vfmadd231ps 32(%%rcx), %%ymm1, %%ymm11\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vfmadd231ps (%%rcx), %%ymm1, %%ymm12\n\t"
        "vfmadd231ps 32(%%rcx), %%ymm1, %%ymm13\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vfmadd231ps (%%rcx), %%ymm1, %%ymm14\n\t"
        "vfmadd231ps 32(%%rcx), %%ymm1, %%ymm15\n\t"
        "movq 48(%[t]), %%rcx\n\t"
        "3:\n\t"
        "vmovups %%ymm4, (%%rcx)\n\t"
        "vmovups %%ymm5, 32(%%rcx)\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vmovups %%ymm6, (%%rcx)\n\t"
        "vmovups %%ymm7, 32(%%rcx)\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vmovups %%ymm8, (%%rcx)\n\t"
        "vmovups %%ymm9, 32(%%rcx)\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vmovups %%ymm10, (%%rcx)\n\t"
        "vmovups %%ymm11, 32(%%rcx)\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vmovups %%ymm12, (%%rcx)\n\t"
        "vmovups %%ymm13, 32(%%rcx)\n\t"
        "addq %%rdx, %%rcx\n\t"
        "vmovups %%ymm14, (%%rcx)\n\t"
        "vmovups %%ymm15, 32(%%rcx)\n\t"
        "vzeroupper\n\t"
        :
        : [t] "r"(t)
        : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
          "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "memory",
          "cc");
}

/// The calling thread's packing buffers (an A block, then a B panel), allocated on first use.
static pthread_key_t bufferKey;
static pthread_once_t bufferKeyOnce = PTHREAD_ONCE_INIT;
static void makeBufferKey(void) { pthread_key_create(&bufferKey, free); }

static float *packingBuffer(void) {
    pthread_once(&bufferKeyOnce, makeBufferKey);
    float *buffer = pthread_getspecific(bufferKey);
    if (!buffer) {
        buffer = aligned_alloc(64, sizeof(float) * ((long)MC * KC + (long)KC * NC));
        if (buffer && pthread_setspecific(bufferKey, buffer) != 0) {
            free(buffer);
            buffer = NULL;
        }
    }
    return buffer;
}

/// op(X)'s element (i, j) is x[i * rows + j * columns].
typedef struct {
    const float *x;
    long rows, columns;
} Operand;

/// Packs rows [i, i + count) (count < 6, the last strip) and steps [p, p + kc) of op(A) as 6
/// values per step, zero-padded.
static void packA(Operand a, long i, long count, long p, long kc, float *to) {
    for (long r = 0; r < MR; r++) {
        if (r >= count) {
            for (long q = 0; q < kc; q++) to[q * MR + r] = 0;
            continue;
        }
        const float *row = a.x + (i + r) * a.rows + p * a.columns;
        for (long q = 0; q < kc; q++) to[q * MR + r] = row[q * a.columns];
    }
}

/// Packs columns [j, j + count) (count ≤ 16) and steps [p, p + kc) of op(B) as 16 values per
/// step, zero-padded.
static void packB(Operand b, long j, long count, long p, long kc, float *to) {
    if (b.columns == 1) {  // B as stored: each step's values are contiguous
        for (long q = 0; q < kc; q++) {
            memcpy(to + q * NR, b.x + (p + q) * b.rows + j, count * sizeof(float));
            if (count < NR) memset(to + q * NR + count, 0, (NR - count) * sizeof(float));
        }
        return;
    }
    for (long c = 0; c < NR; c++) {
        if (c >= count) {
            for (long q = 0; q < kc; q++) to[q * NR + c] = 0;
            continue;
        }
        const float *column = b.x + (j + c) * b.columns + p * b.rows;
        for (long q = 0; q < kc; q++) to[q * NR + c] = column[q * b.rows];
    }
}

/// C = beta · C (C = 0 for beta == 0, never reading it).
static void scaleC(long m, long n, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++) {
        float *row = c + i * ldc;
        if (beta == 0) {
            memset(row, 0, n * sizeof(float));
        } else if (beta != 1) {
            for (long j = 0; j < n; j++) row[j] *= beta;
        }
    }
}

int goldilocks_sgemm(
    int trans_a, int trans_b, long m, long n, long k, float alpha, const float *a, long lda, const float *b, long ldb,
    float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return 0;
    if (k <= 0 || alpha == 0) {
        scaleC(m, n, beta, c, ldc);
        return 0;
    }
    Operand opA = {a, trans_a ? 1 : lda, trans_a ? lda : 1};
    Operand opB = {b, trans_b ? 1 : ldb, trans_b ? ldb : 1};
    // Whole strips of A, and of B as stored, are read in place: on this network's eight products
    // packing them too measured no faster overall, and slower at batch 32, where each strip of B
    // is read only a few times. A transposed B is packed so each step's 16 values are contiguous;
    // edge strips are packed with zeros.
    int directB = !trans_b;
    float *packedA = packingBuffer();
    if (!packedA) return -1;
    float *packedB = packedA + (long)MC * KC;
    // Equal k blocks of at most KC, so no block is a short remainder.
    long kBlocks = (k + KC - 1) / KC, kcMax = (k + kBlocks - 1) / kBlocks;
    float edge[MR * NR] __attribute__((aligned(64)));
    for (long jc = 0; jc < n; jc += NC) {
        long nc = n - jc < NC ? n - jc : NC;
        for (long pc = 0; pc < k; pc += kcMax) {
            long kc = k - pc < kcMax ? k - pc : kcMax;
            float blockBeta = pc == 0 ? beta : 1;
            for (long jr = 0; jr < nc; jr += NR) {
                long count = nc - jr < NR ? nc - jr : NR;
                if (!directB || count < NR) packB(opB, jc + jr, count, pc, kc, packedB + jr * kc);
            }
            for (long ic = 0; ic < m; ic += MC) {
                long mc = m - ic < MC ? m - ic : MC;
                for (long ir = 0; ir < mc; ir += MR) {
                    long count = mc - ir < MR ? mc - ir : MR;
                    if (count < MR) packA(opA, ic + ir, count, pc, kc, packedA + ir * kc);
                }
                for (long jr = 0; jr < nc; jr += NR) {
                    long columns = nc - jr < NR ? nc - jr : NR;
                    Tile t = {.k = kc, .alpha = alpha, .beta = blockBeta, .add_c = blockBeta != 0};
                    if (directB && columns == NR) {
                        t.b = b + pc * ldb + jc + jr;
                        t.b_step = ldb * sizeof(float);
                    } else {
                        t.b = packedB + jr * kc;
                        t.b_step = NR * sizeof(float);
                    }
                    for (long ir = 0; ir < mc; ir += MR) {
                        long rows = mc - ir < MR ? mc - ir : MR;
                        if (rows == MR) {
                            t.a = a + (ic + ir) * opA.rows + pc * opA.columns;
                            t.a_row = opA.rows * sizeof(float);
                            t.a_step = opA.columns * sizeof(float);
                        } else {
                            t.a = packedA + ir * kc;
                            t.a_row = sizeof(float);
                            t.a_step = MR * sizeof(float);
                        }
                        float *tile = c + (ic + ir) * ldc + jc + jr;
                        if (rows == MR && columns == NR) {
                            t.c = tile;
                            t.ldc = ldc * sizeof(float);
                            kernel6x16(&t);
                            continue;
                        }
                        // An edge tile: computed whole into `edge`, then its part of C updated.
                        t.c = edge;
                        t.ldc = NR * sizeof(float);
                        t.add_c = 0;
                        kernel6x16(&t);
                        for (long r = 0; r < rows; r++) {
                            float *row = tile + r * ldc;
                            for (long j = 0; j < columns; j++) {
                                row[j] = blockBeta == 0 ? edge[r * NR + j] : blockBeta * row[j] + edge[r * NR + j];
                            }
                        }
                    }
                }
            }
        }
    }
    return 0;
}

#else

/// Never called: `goldilocks_avx2_fma_supported()` is 0 on other CPUs, which use GoldilocksCore's
/// portable kernel (or Accelerate on macOS).
int goldilocks_sgemm(
    int trans_a, int trans_b, long m, long n, long k, float alpha, const float *a, long lda, const float *b, long ldb,
    float beta, float *c, long ldc) {
    (void)trans_a, (void)trans_b, (void)m, (void)n, (void)k, (void)alpha, (void)a, (void)lda, (void)b, (void)ldb;
    (void)beta, (void)c, (void)ldc;
    return -1;
}

#endif
