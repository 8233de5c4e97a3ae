import CellProtocol
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The engine's memory limit of each cell (`memory` option), bytes by cell index, from
/// `CellProtocol.Variable.memoryLimits`; read once.
nonisolated(unsafe) private var memoryLimits: [UInt64]?

/// Limits the program's data (heap and private mappings) to the running cell's limit, with `setrlimit`, so an
/// allocation over it fails and the cell traps instead of pushing the machine into swap. Only the soft limit
/// is set, so a later cell may raise it again.
func applyMemoryLimit(forCell index: Int) {
  if memoryLimits == nil {
    let text = ProcessInfo.processInfo.environment[CellProtocol.Variable.memoryLimits] ?? ""
    memoryLimits = text.split(separator: ",").map { UInt64($0) ?? 0 }
  }
  guard let limits = memoryLimits, limits.indices.contains(index), limits[index] > 0 else { return }
  var limit = rlimit(rlim_cur: rlim_t(limits[index]), rlim_max: rlim_t.max)
  setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
}
