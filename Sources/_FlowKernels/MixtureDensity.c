// The log-density of an equal-weight mixture of isotropic 2-D Gaussians, for the moons' true density
// (Flows' `ToyDataset+MoonsDensity.swift`). In C because it is thousands of Gaussians at each of tens of
// thousands of points: as plain scalar Swift it took seconds in a debug build. No contraction into FMA and
// no reassociation: it rounds exactly like the scalar Swift loop it replaced.
#include <math.h>

#include "FlowKernels.h"

#pragma clang fp contract(off)

void fk_mixture_log_density(const float *points, long count, const double *centreX, const double *centreY,
                            long centres, double twoVariance, double offset, double *exponents,
                            double *out) {
  for (long i = 0; i < count; i++) {
    double a = (double)points[2 * i], b = (double)points[2 * i + 1];
    double top = -INFINITY;
    for (long k = 0; k < centres; k++) {
      double dx = a - centreX[k], dy = b - centreY[k];
      double exponent = -(dx * dx + dy * dy) / twoVariance;
      exponents[k] = exponent;
      top = exponent >= top ? exponent : top;
    }
    // Summed from the largest term, so that points far from every centre do not underflow to −∞.
    double sum = 0;
    for (long k = 0; k < centres; k++)
      if (exponents[k] > top - 60) sum += exp(exponents[k] - top);
    out[i] = offset + top + log(sum);
  }
}
