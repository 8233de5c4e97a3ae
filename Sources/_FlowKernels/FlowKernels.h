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

// The piecewise engine's loops (PiecewiseKernels.c; AVX2 with FMA when the CPU has both).
/// slope[c] += a·row[c], offset[c] += b·row[c] in double: a unit of the first layer switching on (±1 weights).
void fk_pw_toggle(double *slope, double *offset, const float *row, double a, double b, long hidden);
/// a[c] = slope[c], b[c] = offset[c] + b2[c] in float: the snapshot of one interval between breakpoints.
void fk_pw_snapshot(const double *slope, const double *offset, const float *b2, float *a, float *b,
                    long hidden);
/// out[c] = b3[c] + Σ_j max(u·a[j] + b[j], 0)·w3t[c·hidden + j] for an even number of outputs.
void fk_pw_forward_row(float u, const float *a, const float *b, const float *w3t, const float *b3,
                       float *out, long hidden, long outputs);
/// One sample of the backward sweep (see PiecewiseKernels.c; `scratch` holds 2·hidden floats); returns dL/du.
float fk_pw_backward_row(float u, const float *a, const float *b, const float *w3t, const float *g,
                         float *dw3t, float *db2, double *p, double *q, float *scratch, long hidden,
                         long outputs);
/// gw2row[c] += a·q[c] + b·p[c]; dots[0] += row·q, dots[1] += row·p.
void fk_pw_contribute(const float *row, float *gw2row, const double *p, const double *q, double a,
                      double b, double *dots, long hidden);

#endif
