import CBLAS
import Foundation

/// Makes OpenBLAS run its fast kernel, single-threaded, and is the one door to `sgemm`.
///
/// Debian's OpenBLAS 0.3.21 (a `DYNAMIC_ARCH` build) picks its kernel when the library loads. On
/// some machines it misdetects recent AMD and Intel CPUs as "Prescott" (or another pre-AVX2 core)
/// and then runs `sgemm` about 3–4× slower. On first use, when the user has not set
/// `OPENBLAS_CORETYPE`, this reads the CPU's flags; if the loaded kernel lacks AVX2 but the CPU has
/// it, it sets `OPENBLAS_CORETYPE` (SkylakeX with AVX-512, else Haswell — the fastest for the
/// course's shapes) and calls OpenBLAS's `gotoblas_dynamic_quit()` / `gotoblas_dynamic_init()`,
/// which re-read that variable and switch the kernel table. The variable also reaches child
/// processes (chapter programs), which then load the right kernel directly.
///
/// BLAS runs on one thread unless `OPENBLAS_NUM_THREADS` or `OMP_NUM_THREADS` says otherwise; then the
/// worker threads OpenBLAS started when it loaded are stopped, so call `configure()` early (`flowbook` does
/// so first thing): each spins for about 0.1 s of CPU before it sleeps.
public enum BLASKernel {
  /// The kernel OpenBLAS uses now, e.g. `Haswell`, `SkylakeX` or `Cooperlake`.
  public static var coreName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }

  /// The number of threads OpenBLAS uses.
  public static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// Kernels that use AVX2 and FMA; anything else on an AVX2 machine is a misdetection.
  static let avx2Kernels: Set<String> = [
    "haswell", "zen", "skylakex", "cooperlake", "sapphirerapids",
  ]

  /// Chooses the kernel and thread count; runs once per process, cheap to call again.
  public static func configure() { _ = configured }

  private static let configured: Void = {
    let environment = ProcessInfo.processInfo.environment
    if let better = replacementCoreType(
      loaded: coreName, environment: environment, cpuFlags: cpuFlags())
    {
      select(coreType: better)
    }
    if environment["OPENBLAS_NUM_THREADS"] == nil && environment["OMP_NUM_THREADS"] == nil {
      openblas_set_num_threads(1)
      // The workers started at load would otherwise spin for ~0.1 s of CPU each, whatever the process does.
      blas_thread_shutdown_()
    }
  }()

  /// The kernel to switch to when OpenBLAS `loaded` a kernel without AVX2 on a CPU that has it,
  /// or `nil` to keep it — always `nil` when the user chose one with `OPENBLAS_CORETYPE`.
  static func replacementCoreType(
    loaded: String, environment: [String: String], cpuFlags: Set<String>
  ) -> String? {
    guard environment["OPENBLAS_CORETYPE"] == nil, !avx2Kernels.contains(loaded.lowercased()) else {
      return nil
    }
    return bestCoreType(cpuFlags: cpuFlags)
  }

  /// Switches OpenBLAS to the kernel named `coreType` (an `OPENBLAS_CORETYPE` value such as
  /// `Haswell`) and returns the name OpenBLAS reports afterwards. Not safe while another thread is
  /// inside BLAS; `configure()` calls it before the first product.
  @discardableResult
  public static func select(coreType: String) -> String {
    let threads = openblas_get_num_threads()
    setenv("OPENBLAS_CORETYPE", coreType, 1)
    gotoblas_dynamic_quit()
    gotoblas_dynamic_init()
    openblas_set_num_threads(threads)
    return coreName
  }

  /// The `flags` of the first CPU in `/proc/cpuinfo` (empty where that file does not exist).
  static func cpuFlags() -> Set<String> {
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    return Set(flagsLine.split(separator: " ").map(String.init))
  }

  /// The fastest OpenBLAS kernel for a CPU with `cpuFlags`, or `nil` when it has no AVX2.
  static func bestCoreType(cpuFlags flags: Set<String>) -> String? {
    if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
    if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
    return nil
  }

  // MARK: - Matrix product

  /// `c ← α·op(a)·op(b) + β·c` for row-major matrices, where `op(a)` is `m×k` (`a` is stored
  /// `k×m` when `transposeA`), `op(b)` is `k×n`, `c` is `m×n`. `β = 1` accumulates (gradients).
  public static func multiply(
    _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
    into c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
  ) {
    configure()
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      for index in 0..<(m * n) { c[index] = beta == 0 ? 0 : beta * c[index] }
      return
    }
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      blasint(m), blasint(n), blasint(k), alpha, a, blasint(transposeA ? m : k), b,
      blasint(transposeB ? k : n), beta, c, blasint(n))
  }

  /// `sums[j] += Σᵢ matrix[i, j]` for a row-major `rows × columns` matrix, as one `sgemv` with a
  /// vector of ones (a bias gradient; a plain loop does not vectorise across the two pointers).
  static func addColumnSums(
    of matrix: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>
  ) {
    configure()
    guard rows > 0, columns > 0 else { return }
    let ones = [Float](repeating: 1, count: rows)
    cblas_sgemv(
      CblasRowMajor, CblasTrans, blasint(rows), blasint(columns), 1, matrix, blasint(columns), ones,
      1, 1, sums, 1)
  }
}
