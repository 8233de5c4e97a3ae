import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The CPU time of the calling thread. On a machine shared with other work, wall-clock times of a step
/// grow with the load; the thread's own CPU time counts only the work of the step (caches are still
/// shared), so benchmarks report it beside wall-clock medians.
public enum ThreadClock {
  /// Nanoseconds of CPU time the calling thread has used.
  public static var nanoseconds: UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}

/// Wall-clock and thread CPU milliseconds of one run of something.
struct Timing {
  var wall: Double, cpu: Double

  /// Runs `body` and measures it.
  static func of(_ body: () throws -> Void) rethrows -> Timing {
    let wall = DispatchTime.now().uptimeNanoseconds
    let cpu = ThreadClock.nanoseconds
    try body()
    return Timing(
      wall: Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e6,
      cpu: Double(ThreadClock.nanoseconds - cpu) / 1e6)
  }
}
