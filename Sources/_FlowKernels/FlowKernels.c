// Elementwise kernels of the Flows training step, each compiled twice: for the baseline x86-64 (SSE2) and
// with AVX2, chosen once at run time from the CPU (so the binary still runs on a CPU without AVX2).
// Contraction into FMA is off: every kernel rounds exactly like the scalar Swift code it replaces (and
// like NeuralNet's Adam and the autodiff engine), so the dense engine's loss curve stays the autodiff one.
#include "FlowKernels.h"
#include "AdamLoop.h"

#pragma clang fp contract(off)

// sqrtf without errno: `__builtin_sqrtf` must set errno for a negative input, which keeps the loop scalar
// (Adam was 40 % of a piecewise step); the elementwise builtin vectorises and rounds the same (IEEE sqrt).
#define SQRT(x) __builtin_elementwise_sqrt(x)

#define RELU_BODY                                                                                      \
  for (long i = 0; i < count; i++) m[i] = m[i] < 0 ? 0 : m[i];

#define MASK_BODY                                                                                      \
  for (long i = 0; i < count; i++) m[i] = activation[i] <= 0 ? 0 : m[i];

#define OUTER_RELU_BODY                                                                                \
  for (long i = 0; i < rows; i++) {                                                                    \
    float xi = x[i];                                                                                   \
    float *row = h + i * hidden;                                                                       \
    for (long j = 0; j < hidden; j++) {                                                                \
      float value = xi * w[j] + b[j];                                                                  \
      row[j] = value < 0 ? 0 : value;                                                                  \
    }                                                                                                  \
  }

#define FILL_ROWS_BODY                                                                                 \
  for (long i = 0; i < rows; i++)                                                                      \
    for (long j = 0; j < columns; j++) m[i * columns + j] = b[j];

#define ADAM_BODY ADAM_LOOP(theta[i] - learningRate * (mi / correction1) / (SQRT(vi / correction2) + epsilon))

#define AVERAGE_BODY                                                                                   \
  for (long i = 0; i < count; i++) average[i] = decay * average[i] + (1 - decay) * value[i];

#define DEFINE_KERNELS(SUFFIX, ATTRIBUTE)                                                              \
  ATTRIBUTE static void relu_##SUFFIX(float *restrict m, long count) { RELU_BODY }                    \
  ATTRIBUTE static void mask_##SUFFIX(float *restrict m, const float *restrict activation, long count) { \
    MASK_BODY                                                                                          \
  }                                                                                                    \
  ATTRIBUTE static void outer_##SUFFIX(const float *restrict x, const float *restrict w,               \
                                       const float *restrict b, float *restrict h, long rows,          \
                                       long hidden) {                                                  \
    OUTER_RELU_BODY                                                                                    \
  }                                                                                                    \
  ATTRIBUTE static void fill_##SUFFIX(float *restrict m, const float *restrict b, long rows,           \
                                      long columns) {                                                  \
    FILL_ROWS_BODY                                                                                     \
  }                                                                                                    \
  ATTRIBUTE static void adam_##SUFFIX(float *restrict theta, const float *restrict g,                  \
                                      float *restrict m, float *restrict v, long count, float beta1,   \
                                      float beta2, float learningRate, float correction1,              \
                                      float correction2, float epsilon) {                              \
    ADAM_BODY                                                                                          \
  }                                                                                                    \
  ATTRIBUTE static void average_##SUFFIX(float *restrict average, const float *restrict value,         \
                                         long count, float decay) {                                    \
    AVERAGE_BODY                                                                                       \
  }

DEFINE_KERNELS(generic, )
#if defined(__x86_64__)
DEFINE_KERNELS(avx2, __attribute__((target("avx2"))))
#endif

/// 1 when the CPU has AVX2 (checked once), else 0.
static int useAVX2(void) {
#if defined(__x86_64__)
  static int cached = -1;
  if (cached < 0) {
    __builtin_cpu_init();
    cached = __builtin_cpu_supports("avx2") ? 1 : 0;
  }
  return cached;
#else
  return 0;
#endif
}

#if defined(__x86_64__)
#define DISPATCH(NAME, ...) (useAVX2() ? NAME##_avx2(__VA_ARGS__) : NAME##_generic(__VA_ARGS__))
#else
#define DISPATCH(NAME, ...) NAME##_generic(__VA_ARGS__)
#endif

int fk_uses_avx2(void) { return useAVX2(); }

void fk_relu(float *m, long count) { DISPATCH(relu, m, count); }

void fk_mask_inactive(float *m, const float *activation, long count) {
  DISPATCH(mask, m, activation, count);
}

void fk_outer_relu(const float *x, const float *w, const float *b, float *h, long rows, long hidden) {
  DISPATCH(outer, x, w, b, h, rows, hidden);
}

void fk_fill_rows(float *m, const float *b, long rows, long columns) {
  DISPATCH(fill, m, b, rows, columns);
}

void fk_adam(float *theta, const float *g, float *m, float *v, long count, float beta1, float beta2,
             float learningRate, float correction1, float correction2, float epsilon) {
  DISPATCH(adam, theta, g, m, v, count, beta1, beta2, learningRate, correction1, correction2, epsilon);
}

void fk_average(float *average, const float *value, long count, float decay) {
  DISPATCH(average, average, value, count, decay);
}
