import CBLAS

/// Row-major single-precision matrix product `C = op(A)·op(B) + beta·C` with `C` m×n and inner size k.
///
/// The only place Flows calls BLAS; every matrix product of training and evaluation goes through it.
@inline(__always)
func gemm(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false, beta: Float = 0
) {
  cblas_sgemm(
    CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
    Int32(m), Int32(n), Int32(k), 1, a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
    beta, c, Int32(n))
}
