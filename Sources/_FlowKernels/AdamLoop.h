// The loop both Adam kernels share (FlowKernels.c, PiecewiseKernels.c): the moment updates, then
// θᵢ = UPDATE, an expression of theta[i], mi and vi. Each file expands it under its own floating-point
// pragmas: exact rounding in FlowKernels.c, contraction allowed in PiecewiseKernels.c. Not part of the module.
#ifndef FLOW_KERNELS_ADAM_LOOP_H
#define FLOW_KERNELS_ADAM_LOOP_H

#define ADAM_LOOP(UPDATE)                                                                              \
  for (long i = 0; i < count; i++) {                                                                   \
    float gi = g[i];                                                                                   \
    float mi = beta1 * m[i] + (1 - beta1) * gi;                                                        \
    float vi = beta2 * v[i] + (1 - beta2) * gi * gi;                                                   \
    m[i] = mi;                                                                                         \
    v[i] = vi;                                                                                         \
    theta[i] = (UPDATE);                                                                               \
  }

#endif
