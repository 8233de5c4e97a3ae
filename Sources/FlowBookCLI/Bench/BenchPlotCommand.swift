import ArgumentParser
import Dispatch
import Foundation
import Plot
import PlotCairo

/// `flowbook bench plot`: times the plotting paths the course leans on, as medians over repeated runs.
///
/// - `scatter20k_ms`: a 20,000-point translucent scatter rendered to SVG and to a 2× PNG (in memory).
/// - `density256_ms`: a 256 × 256 density image of a function with a colorbar, sampled, laid out and
///   rendered to SVG and to a 2× PNG (in memory).
/// Build with `-c release` for meaningful numbers.
struct BenchPlotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Time a 20k-point scatter and a 256×256 density (SVG + PNG); medians in ms.")

  @Flag(help: "Print one JSON object instead of text.")
  var json = false

  @Option(help: "Timed runs per case (after one warm-up run of each figure).")
  var runs = 9

  func validate() throws {
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1, got \(runs)") }
  }

  func run() throws {
    var samples = GallerySamples(seed: 42)
    let points = samples.gaussian(20_000)
    let scatter = Figure().scatter(points.x, points.y, size: 3, alpha: 0.5).title("20,000 points")
    let density = {
      Figure()
        .density(x: -3...3, y: -3...3, resolution: 256) { x, y in
          exp(-0.5 * (x * x + y * y)) / (2 * .pi)
        }
        .colorbar("p(x)").title("256 × 256 density")
    }
    // One untimed SVG and PNG of each figure first (fonts, Cairo's caches, first-touch memory): it warms
    // both the combined case and its parts, which run the same code.
    _ = try (CairoRenderer.svg(scatter), CairoRenderer.png(scatter))
    _ = try (CairoRenderer.svg(density()), CairoRenderer.png(density()))
    // The two required keys, then their parts (SVG and PNG alone) to show where time goes.
    let results = [
      (
        "scatter20k_ms",
        try median { _ = try (CairoRenderer.svg(scatter), CairoRenderer.png(scatter)) }
      ),
      (
        "density256_ms",
        try median { _ = try (CairoRenderer.svg(density()), CairoRenderer.png(density())) }
      ),
      ("scatter20k_svg_ms", try median { _ = try CairoRenderer.svg(scatter) }),
      ("scatter20k_png_ms", try median { _ = try CairoRenderer.png(scatter) }),
      ("density256_svg_ms", try median { _ = try CairoRenderer.svg(density()) }),
      ("density256_png_ms", try median { _ = try CairoRenderer.png(density()) }),
    ]
    if json {
      let fields = results.flatMap { name, time in
        [
          "\"\(name)\": \(String(format: "%.1f", time.wall))",
          "\"\(name.replacingOccurrences(of: "_ms", with: "_cpu_ms"))\": \(String(format: "%.1f", time.cpu))",
        ]
      }
      print("{" + fields.joined(separator: ", ") + "}")
    } else {
      for (name, time) in results {
        print(
          "\(name): \(String(format: "%.1f", time.wall)) wall, \(String(format: "%.1f", time.cpu)) cpu (median of \(runs))"
        )
      }
    }
  }

  /// The median wall time of `body` in milliseconds over `runs` runs (warmed up in `run`), and the
  /// median processor time of the same runs (on a busy shared machine wall time overstates the cost).
  private func median(_ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<runs {
      let (startWall, startCPU) = (DispatchTime.now().uptimeNanoseconds, processorNanoseconds())
      try body()
      wall.append(Double(DispatchTime.now().uptimeNanoseconds - startWall) / 1e6)
      cpu.append(Double(processorNanoseconds() - startCPU) / 1e6)
    }
    return (Self.median(wall), Self.median(cpu))
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  private func processorNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
