// Vectorised elementwise kernels of the Flows plain-arrays engine (AVX2 when the CPU has it).
#ifndef FLOW_KERNELS_H
#define FLOW_KERNELS_H

/// 1 when the AVX2 versions run on this CPU.
int fk_uses_avx2(void);
/// m[i] = max(m[i], 0) for `count` entries.
void fk_relu(float *m, long count);
/// m[i] = 0 where activation[i] <= 0 (the ReLU's backward pass).
void fk_mask_inactive(float *m, const float *activation, long count);
/// h[i, j] = max(x[i]·w[j] + b[j], 0): a one-input dense layer with ReLU, rows×hidden.
void fk_outer_relu(const float *x, const float *w, const float *b, float *h, long rows, long hidden);
/// Every row of the rows×columns matrix m set to b (a bias, before an sgemm with beta = 1).
void fk_fill_rows(float *m, const float *b, long rows, long columns);
/// One Adam update of `count` parameters in NeuralNet's operation order (same rounding).
void fk_adam(float *theta, const float *g, float *m, float *v, long count, float beta1, float beta2,
             float learningRate, float correction1, float correction2, float epsilon);
/// average[i] = decay·average[i] + (1 − decay)·value[i]: an exponential moving average of parameters.
void fk_average(float *average, const float *value, long count, float decay);

#endif
