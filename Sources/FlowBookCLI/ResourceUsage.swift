import Foundation

/// Measurements of the running process.
enum ResourceUsage {
  /// Peak resident set size of this process in megabytes (`getrusage`, kilobytes on Linux).
  static var peakResidentMegabytes: Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
