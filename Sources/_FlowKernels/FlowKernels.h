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
/// One sample of the backward sweep (see PiecewiseKernels.c): adds its gradient of W3 into dw3t, its d and
/// u·d into its interval's sums `dsum`, `dweighted` (set instead when `first`); returns dL/du. `scratch`
/// holds 2·hidden floats.
float fk_pw_backward_row(float u, const float *a, const float *b, const float *w3t, const float *g,
                         float *dw3t, float *dsum, float *dweighted, int first, float *scratch,
                         long hidden, long outputs);
/// fk_pw_backward_row for two samples u, v of one interval and two outputs at once (one pass); dL/du and dL/dv
/// to *du, *dv.
void fk_pw_backward_pair(float u, float v, const float *a, const float *b, const float *w3t,
                         const float *gu, const float *gv, float *dw3t, float *dsum, float *dweighted,
                         int first, float *du, float *dv, long hidden);
/// p[c] += d[c], q[c] += dq[c] in double.
void fk_pw_accumulate(double *p, double *q, const float *d, const float *dq, long hidden);
/// gw2row[c] += a·Q[c] + b·P[c]; dots[0] += row·Q, dots[1] += row·P, with (P, Q) = (p, q), or
/// (tp − p, tq − q) when tp is not NULL.
void fk_pw_contribute(const float *row, float *gw2row, const double *p, const double *q,
                      const double *tp, const double *tq, double a, double b, double *dots,
                      long hidden);
/// One Adam update in the one-division form: θ −= step·m / (√(v·inverseCorrection2) + ε), step = lr/(1−β₁ᵗ),
/// inverseCorrection2 = 1/(1−β₂ᵗ) (FusedAdam without exact rounding; fused multiply-adds allowed).
void fk_pw_adam(float *theta, const float *g, float *m, float *v, long count, float beta1, float beta2,
                float step, float inverseCorrection2, float epsilon);

// The moons' true density (MixtureDensity.c).
/// out[i] = offset + log Σ_k exp(−|p_i − c_k|² / twoVariance) for the 2-D points p_i = (points[2i],
/// points[2i + 1]) and the centres c_k = (centreX[k], centreY[k]), summed from the largest term (terms more
/// than 60 below it are skipped); `exponents` holds `centres` doubles of scratch.
void fk_mixture_log_density(const float *points, long count, const double *centreX, const double *centreY,
                            long centres, double twoVariance, double offset, double *exponents,
                            double *out);

#endif
