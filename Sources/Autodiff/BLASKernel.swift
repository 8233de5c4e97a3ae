import CBLAS
import Foundation

/// Makes sure OpenBLAS runs its fast kernel, single-threaded, before any matrix product.
///
/// Debian's OpenBLAS 0.3.21 misdetects recent AMD and Intel server CPUs as "Prescott" and then
/// runs `sgemm` about 4× slower. When no `OPENBLAS_CORETYPE` was set by the user, this picks the
/// kernel from the CPU's features and asks OpenBLAS to select its kernels again.
public enum BLASKernel {
  /// The kernel OpenBLAS uses now, e.g. `Haswell` or `SkylakeX`.
  public static var coreName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }

  /// Runs once per process; cheap to call again.
  public static func configure() { _ = configured }

  private static let configured: Void = {
    openblas_set_num_threads(Int32(ProcessInfo.processInfo.environment["FLOWBOOK_BLAS_THREADS"].flatMap(Int.init) ?? 1))
    guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
      coreName.lowercased() == "prescott" || coreName.lowercased() == "core2",
      let better = bestCoreType()
    else { return }
    setenv("OPENBLAS_CORETYPE", better, 1)
    gotoblas_dynamic_quit()
    gotoblas_dynamic_init()
  }()

  /// The fastest OpenBLAS kernel name the CPU supports, read from `/proc/cpuinfo` flags.
  static func bestCoreType() -> String? {
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return nil }
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
    if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
    return nil
  }
}
