// The per-row and per-unit loops of the piecewise engine (Flows' `Conditioner+Piecewise.swift`), each
// compiled for baseline x86-64 and for AVX2 with FMA, chosen once at run time. Unlike FlowKernels.c these
// may contract into FMA: the piecewise engine rounds differently from the dense one anyway and is checked
// against it with tolerances.
#include "FlowKernels.h"
#include "AdamLoop.h"

#pragma clang fp contract(fast)
#pragma clang fp reassociate(on)

#define TOGGLE_BODY                                                                                    \
  for (long c = 0; c < hidden; c++) {                                                                  \
    double w = (double)row[c];                                                                         \
    slope[c] += a * w;                                                                                 \
    offset[c] += b * w;                                                                                \
  }

#define SNAPSHOT_BODY                                                                                  \
  for (long c = 0; c < hidden; c++) {                                                                  \
    a[c] = (float)slope[c];                                                                            \
    b[c] = (float)offset[c] + b2[c];                                                                   \
  }

/* out[c] = b3[c] + Σ_j max(u·a[j] + b[j], 0)·w3t[c·hidden + j], two outputs at a time (outputs is even). */
#define FORWARD_ROW_BODY                                                                               \
  for (long c = 0; c < outputs; c += 2) {                                                              \
    const float *w0 = w3t + c * hidden, *w1 = w0 + hidden;                                             \
    float s0 = 0, s1 = 0;                                                                              \
    for (long j = 0; j < hidden; j++) {                                                                \
      float h = u * a[j] + b[j];                                                                       \
      h = h < 0 ? 0 : h;                                                                               \
      s0 += h * w0[j];                                                                                 \
      s1 += h * w1[j];                                                                                 \
    }                                                                                                  \
    out[c] = b3[c] + s0;                                                                               \
    out[c + 1] = b3[c + 1] + s1;                                                                       \
  }

/* One sample of the backward sweep: recomputes pre = u·a + b and h2 = max(pre, 0) from the snapshot, adds
   h2 ⊗ g into dw3t, forms d = [pre > 0]·(W3 g), adds d into dsum and u·d into dweighted (its interval's
   sums, cleared first for an interval's first sample), and returns d·a = dL/du. Two outputs (a 2-D flow) take one fused pass; more take the general
   passes over `scratch` (2·hidden floats). */
#define BACKWARD_ROW_BODY                                                                              \
  float du = 0;                                                                                        \
  if (first)                                                                                           \
    for (long j = 0; j < hidden; j++) dsum[j] = dweighted[j] = 0;                                      \
  if (outputs == 2) {                                                                                  \
    const float g0 = g[0], g1 = g[1], *w0 = w3t, *w1 = w3t + hidden;                                   \
    float *dw0 = dw3t, *dw1 = dw3t + hidden;                                                           \
    for (long j = 0; j < hidden; j++) {                                                                \
      float pre = u * a[j] + b[j];                                                                     \
      float h = pre < 0 ? 0 : pre;                                                                     \
      dw0[j] += h * g0;                                                                                \
      dw1[j] += h * g1;                                                                                \
      float dj = pre > 0 ? g0 * w0[j] + g1 * w1[j] : 0;                                                \
      dsum[j] += dj;                                                                                   \
      dweighted[j] += u * dj;                                                                          \
      du += dj * a[j];                                                                                 \
    }                                                                                                  \
    return du;                                                                                         \
  }                                                                                                    \
  float *pre = scratch, *d = scratch + hidden;                                                         \
  for (long j = 0; j < hidden; j++) {                                                                  \
    pre[j] = u * a[j] + b[j];                                                                          \
    d[j] = 0;                                                                                          \
  }                                                                                                    \
  for (long c = 0; c < outputs; c++) {                                                                 \
    float gc = g[c];                                                                                   \
    const float *w = w3t + c * hidden;                                                                 \
    float *dw = dw3t + c * hidden;                                                                     \
    for (long j = 0; j < hidden; j++) {                                                                \
      float h = pre[j] < 0 ? 0 : pre[j];                                                               \
      dw[j] += h * gc;                                                                                 \
      d[j] += gc * w[j];                                                                               \
    }                                                                                                  \
  }                                                                                                    \
  for (long j = 0; j < hidden; j++) {                                                                  \
    float dj = pre[j] > 0 ? d[j] : 0;                                                                  \
    dsum[j] += dj;                                                                                     \
    dweighted[j] += u * dj;                                                                            \
    du += dj * a[j];                                                                                   \
  }                                                                                                    \
  return du;

/* Two samples u and v of one interval, two outputs: backward_row's fused pass for both at once, sharing the
   loads and stores of the snapshot, W3, its gradient and the interval's sums (about 1.3× faster a sample);
   dL/du and dL/dv go to *du and *dv. */
#define BACKWARD_PAIR_BODY                                                                             \
  if (first)                                                                                           \
    for (long j = 0; j < hidden; j++) dsum[j] = dweighted[j] = 0;                                      \
  const float g0 = gu[0], g1 = gu[1], k0 = gv[0], k1 = gv[1], *w0 = w3t, *w1 = w3t + hidden;           \
  float *dw0 = dw3t, *dw1 = dw3t + hidden;                                                             \
  float su = 0, sv = 0;                                                                                \
  for (long j = 0; j < hidden; j++) {                                                                  \
    float aj = a[j], bj = b[j], wj0 = w0[j], wj1 = w1[j];                                              \
    float pu = u * aj + bj, pv = v * aj + bj;                                                          \
    float hu = pu < 0 ? 0 : pu, hv = pv < 0 ? 0 : pv;                                                  \
    dw0[j] += hu * g0 + hv * k0;                                                                       \
    dw1[j] += hu * g1 + hv * k1;                                                                       \
    float du_j = pu > 0 ? g0 * wj0 + g1 * wj1 : 0;                                                     \
    float dv_j = pv > 0 ? k0 * wj0 + k1 * wj1 : 0;                                                     \
    dsum[j] += du_j + dv_j;                                                                            \
    dweighted[j] += u * du_j + v * dv_j;                                                               \
    su += du_j * aj;                                                                                   \
    sv += dv_j * aj;                                                                                   \
  }                                                                                                    \
  *du = su;                                                                                            \
  *dv = sv;

/* p[c] += d[c], q[c] += dq[c] in double: one interval's sums added to the running ones. */
#define ACCUMULATE_BODY                                                                                \
  for (long c = 0; c < hidden; c++) {                                                                  \
    p[c] += (double)d[c];                                                                              \
    q[c] += (double)dq[c];                                                                             \
  }

/* A unit active on a set S of samples, with P_S = p and Q_S = q (or P_S = tp − p, Q_S = tq − q when tp is
   given: S is a suffix): gw2row += a·Q_S + b·P_S, and (W2 row)·Q_S, (W2 row)·P_S added to dots. */
#define CONTRIBUTE_BODY                                                                                \
  double dq = 0, dp = 0;                                                                               \
  if (tp) {                                                                                            \
    for (long c = 0; c < hidden; c++) {                                                                \
      double pc = tp[c] - p[c], qc = tq[c] - q[c];                                                     \
      gw2row[c] += (float)(a * qc + b * pc);                                                           \
      dq += (double)row[c] * qc;                                                                       \
      dp += (double)row[c] * pc;                                                                       \
    }                                                                                                  \
  } else {                                                                                             \
    for (long c = 0; c < hidden; c++) {                                                                \
      gw2row[c] += (float)(a * q[c] + b * p[c]);                                                       \
      dq += (double)row[c] * q[c];                                                                     \
      dp += (double)row[c] * p[c];                                                                     \
    }                                                                                                  \
  }                                                                                                    \
  dots[0] += dq;                                                                                       \
  dots[1] += dp;

/* Adam in its one-division form (FusedAdam without exact rounding): θ −= step·m / (√(v·inverseCorrection2)
   + ε) with step = lr/(1−β₁ᵗ), inverseCorrection2 = 1/(1−β₂ᵗ). */
#define ADAM_BODY ADAM_LOOP(theta[i] - step * mi / (__builtin_elementwise_sqrt(vi * inverseCorrection2) + epsilon))

#define DEFINE_PIECEWISE(SUFFIX, ATTRIBUTE)                                                            \
  ATTRIBUTE static void toggle_##SUFFIX(double *restrict slope, double *restrict offset,               \
                                        const float *restrict row, double a, double b, long hidden) {  \
    TOGGLE_BODY                                                                                        \
  }                                                                                                    \
  ATTRIBUTE static void snapshot_##SUFFIX(const double *restrict slope, const double *restrict offset, \
                                          const float *restrict b2, float *restrict a,                 \
                                          float *restrict b, long hidden) {                            \
    SNAPSHOT_BODY                                                                                      \
  }                                                                                                    \
  ATTRIBUTE static void forward_row_##SUFFIX(float u, const float *restrict a, const float *restrict b, \
                                             const float *restrict w3t, const float *restrict b3,      \
                                             float *restrict out, long hidden, long outputs) {         \
    FORWARD_ROW_BODY                                                                                   \
  }                                                                                                    \
  ATTRIBUTE static float backward_row_##SUFFIX(                                                        \
      float u, const float *restrict a, const float *restrict b, const float *restrict w3t,            \
      const float *restrict g, float *restrict dw3t, float *restrict dsum, float *restrict dweighted,  \
      int first, float *restrict scratch, long hidden, long outputs) {                                 \
    BACKWARD_ROW_BODY                                                                                  \
  }                                                                                                    \
  ATTRIBUTE static void backward_pair_##SUFFIX(                                                       \
      float u, float v, const float *restrict a, const float *restrict b, const float *restrict w3t,   \
      const float *restrict gu, const float *restrict gv, float *restrict dw3t, float *restrict dsum,  \
      float *restrict dweighted, int first, float *restrict du, float *restrict dv, long hidden) {     \
    BACKWARD_PAIR_BODY                                                                                 \
  }                                                                                                    \
  ATTRIBUTE static void accumulate_##SUFFIX(double *restrict p, double *restrict q,                    \
                                            const float *restrict d, const float *restrict dq,         \
                                            long hidden) {                                             \
    ACCUMULATE_BODY                                                                                    \
  }                                                                                                    \
  ATTRIBUTE static void contribute_##SUFFIX(                                                           \
      const float *restrict row, float *restrict gw2row, const double *restrict p,                     \
      const double *restrict q, const double *restrict tp, const double *restrict tq, double a,        \
      double b, double *restrict dots, long hidden) {                                                  \
    CONTRIBUTE_BODY                                                                                    \
  }                                                                                                    \
  ATTRIBUTE static void adam_##SUFFIX(float *restrict theta, const float *restrict g,                  \
                                      float *restrict m, float *restrict v, long count, float beta1,   \
                                      float beta2, float step, float inverseCorrection2,               \
                                      float epsilon) {                                                 \
    ADAM_BODY                                                                                          \
  }

DEFINE_PIECEWISE(generic, )
#if defined(__x86_64__)
DEFINE_PIECEWISE(avx2, __attribute__((target("avx2,fma"))))
#endif

/// 1 when the CPU has AVX2 and FMA (checked once), else 0.
static int useAVX2FMA(void) {
#if defined(__x86_64__)
  static int cached = -1;
  if (cached < 0) {
    __builtin_cpu_init();
    cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
  }
  return cached;
#else
  return 0;
#endif
}

#if defined(__x86_64__)
#define DISPATCH(NAME, ...) (useAVX2FMA() ? NAME##_avx2(__VA_ARGS__) : NAME##_generic(__VA_ARGS__))
#else
#define DISPATCH(NAME, ...) NAME##_generic(__VA_ARGS__)
#endif

void fk_pw_toggle(double *slope, double *offset, const float *row, double a, double b, long hidden) {
  DISPATCH(toggle, slope, offset, row, a, b, hidden);
}

void fk_pw_snapshot(const double *slope, const double *offset, const float *b2, float *a, float *b,
                    long hidden) {
  DISPATCH(snapshot, slope, offset, b2, a, b, hidden);
}

void fk_pw_forward_row(float u, const float *a, const float *b, const float *w3t, const float *b3,
                       float *out, long hidden, long outputs) {
  DISPATCH(forward_row, u, a, b, w3t, b3, out, hidden, outputs);
}

float fk_pw_backward_row(float u, const float *a, const float *b, const float *w3t, const float *g,
                         float *dw3t, float *dsum, float *dweighted, int first, float *scratch,
                         long hidden, long outputs) {
  return DISPATCH(backward_row, u, a, b, w3t, g, dw3t, dsum, dweighted, first, scratch, hidden, outputs);
}

void fk_pw_backward_pair(float u, float v, const float *a, const float *b, const float *w3t,
                         const float *gu, const float *gv, float *dw3t, float *dsum, float *dweighted,
                         int first, float *du, float *dv, long hidden) {
  DISPATCH(backward_pair, u, v, a, b, w3t, gu, gv, dw3t, dsum, dweighted, first, du, dv, hidden);
}

void fk_pw_accumulate(double *p, double *q, const float *d, const float *dq, long hidden) {
  DISPATCH(accumulate, p, q, d, dq, hidden);
}

void fk_pw_contribute(const float *row, float *gw2row, const double *p, const double *q,
                      const double *tp, const double *tq, double a, double b, double *dots,
                      long hidden) {
  DISPATCH(contribute, row, gw2row, p, q, tp, tq, a, b, dots, hidden);
}

void fk_pw_adam(float *theta, const float *g, float *m, float *v, long count, float beta1, float beta2,
                float step, float inverseCorrection2, float epsilon) {
  DISPATCH(adam, theta, g, m, v, count, beta1, beta2, step, inverseCorrection2, epsilon);
}
