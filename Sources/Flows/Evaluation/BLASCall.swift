/// One BLAS call of a training step, by shape and by the names of its operands: an `sgemm`
/// `C = op(A)·op(B) + β·C` (C m×n, inner size k), or a column sum as `sgemv`. `Flow.blasCalls(rows:)` lists
/// a step's calls, so a benchmark can time them alone (`BLASReplay`) with the same memory traffic: calls
/// naming the same operand (`h1` written forward, read backward) share its buffer, as in the real step.
public enum BLASCall: Equatable, Sendable {
  /// `sgemm` `c = op(a)·op(b) + β·c` with c m×n and inner size k.
  case gemm(
    a: String, b: String, c: String, m: Int, n: Int, k: Int, transposeA: Bool = false,
    transposeB: Bool = false, beta: Float)
  /// Column sums of the rows×columns matrix `matrix`, added into `sums`, as one `sgemv`.
  case columnSums(matrix: String, sums: String, rows: Int, columns: Int)

  /// The same call with its operand names prefixed by `scope` (a layer name), so layers do not share them.
  func scoped(_ scope: String) -> BLASCall {
    switch self {
    case .gemm(let a, let b, let c, let m, let n, let k, let transposeA, let transposeB, let beta):
      return .gemm(
        a: scope + "." + a, b: scope + "." + b, c: scope + "." + c, m: m, n: n, k: k,
        transposeA: transposeA, transposeB: transposeB, beta: beta)
    case .columnSums(let matrix, let sums, let rows, let columns):
      return .columnSums(
        matrix: scope + "." + matrix, sums: scope + "." + sums, rows: rows, columns: columns)
    }
  }
}

/// A step's BLAS calls on scratch matrices allocated once, to be run alone (`run()`) between real steps, so
/// both are timed under the same conditions.
public final class BLASReplay {
  /// The calls, in order.
  public let calls: [BLASCall]
  private var buffers: [String: FloatBuffer] = [:]
  private let ones: FloatBuffer

  /// Scratch operands for `calls`, one buffer per operand name (as large as its largest use), filled with
  /// standard-normal values.
  public init(_ calls: [BLASCall]) {
    self.calls = calls
    var sizes: [String: Int] = [:]
    var rows = 1
    for call in calls {
      switch call {
      case .gemm(let a, let b, let c, let m, let n, let k, _, _, _):
        for (name, size) in [(a, m * k), (b, k * n), (c, m * n)] { sizes[name] = max(sizes[name] ?? 0, size) }
      case .columnSums(let matrix, let sums, let r, let columns):
        sizes[matrix] = max(sizes[matrix] ?? 0, r * columns)
        sizes[sums] = max(sizes[sums] ?? 0, columns)
        rows = max(rows, r)
      }
    }
    var generator = SeededGenerator(seed: 1)
    for name in sizes.keys.sorted() {
      buffers[name] = FloatBuffer((0..<sizes[name]!).map { _ in generator.normal() })
    }
    ones = FloatBuffer(Array(repeating: 1, count: rows))
  }

  /// Runs every call once.
  public func run() {
    for call in calls {
      switch call {
      case .gemm(let a, let b, let c, let m, let n, let k, let transposeA, let transposeB, let beta):
        gemm(
          buffers[a]!.pointer, buffers[b]!.pointer, into: buffers[c]!.pointer, m: m, n: n, k: k,
          transposeA: transposeA, transposeB: transposeB, beta: beta)
      case .columnSums(let matrix, let sums, let rows, let columns):
        Kernels.addColumnSums(
          buffers[matrix]!.pointer, into: buffers[sums]!.pointer, rows: rows, columns: columns,
          ones: ones.pointer)
      }
    }
  }
}
