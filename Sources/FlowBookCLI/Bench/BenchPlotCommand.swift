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
    commandName: "plot", abstract: "Time a 20k-point scatter and a 256×256 density (SVG + PNG); medians in ms.")

  @Flag(help: "Print one JSON object instead of text.")
  var json = false

  @Option(help: "Timed runs per case (after one warm-up run).")
  var runs = 9

  func validate() throws {
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1, got \(runs)") }
  }

  func run() throws {
    var samples = GallerySamples(seed: 42)
    let points = samples.gaussian(20_000)
    let results = [
      ("scatter20k_ms", try median {
        let figure = Figure().scatter(points.x, points.y, size: 3, alpha: 0.5).title("20,000 points")
        _ = try CairoRenderer.svg(figure)
        _ = try CairoRenderer.png(figure)
      }),
      ("density256_ms", try median {
        let figure = Figure()
          .density(x: -3...3, y: -3...3, resolution: 256) { x, y in exp(-0.5 * (x * x + y * y)) / (2 * .pi) }
          .colorbar("p(x)").title("256 × 256 density")
        _ = try CairoRenderer.svg(figure)
        _ = try CairoRenderer.png(figure)
      }),
    ]
    if json {
      let fields = results.map { "\"\($0.0)\": \(String(format: "%.1f", $0.1))" }
      print("{" + fields.joined(separator: ", ") + "}")
    } else {
      for (name, ms) in results { print("\(name): \(String(format: "%.1f", ms)) (median of \(runs))") }
    }
  }

  /// The median wall time of `body` in milliseconds over `runs` runs, after one untimed warm-up.
  private func median(_ body: () throws -> Void) throws -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
  }
}
