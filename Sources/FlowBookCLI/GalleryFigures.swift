import Foundation
import Plot

/// One figure of every plot kind, drawn from seeded toy data; `flowbook gallery` writes them and the
/// README shows them, so they double as worked examples of the plotting API.
enum GalleryFigures {
  /// The figures with the file name (no extension) each is written under.
  static func all() -> [(name: String, figure: Figure)] {
    [
      ("scatter", scatter()), ("scatter-colormap", colouredScatter()), ("lines", trainingCurves()),
      ("histogram", histogram()), ("density", density()), ("histogram2d", histogram2D()),
      ("contour", contour()), ("deformed-grid", deformedGrid()), ("quiver", quiver()),
      ("annotations", annotations()), ("subplots", subplots()), ("ticks", ticks()),
    ]
  }

  /// A map in the spirit of an affine coupling layer: y₁ = x₁, y₂ = x₂·exp(s(x₁)) + t(x₁).
  static func coupling(_ p: [Double]) -> [Double] {
    [p[0], p[1] * exp(0.45 * sin(1.3 * p[0])) + 0.35 * p[0] * p[0] - 0.8]
  }

  /// The density of a banana-shaped distribution, the image of a standard normal under a bend.
  static func banana(_ x: Double, _ y: Double) -> Double {
    let u = y - 0.35 * x * x + 1
    return exp(-0.5 * (x * x / 1.5 + u * u / 0.35))
  }

  static func scatter() -> Figure {
    var samples = GallerySamples(seed: 1)
    let moons = samples.twoMoons(600)
    let upper = moons.moon.indices.filter { moons.moon[$0] == 0 }
    let lower = moons.moon.indices.filter { moons.moon[$0] == 1 }
    return Figure()
      .scatter(upper.map { moons.x[$0] }, upper.map { moons.y[$0] }, label: "moon 1")
      .scatter(lower.map { moons.x[$0] }, lower.map { moons.y[$0] }, alpha: 0.5, label: "moon 2")
      .title("Two moons").labels(x: "x_1", y: "x_2").equalAspect()
  }

  static func colouredScatter() -> Figure {
    var samples = GallerySamples(seed: 2)
    let z = samples.gaussian(1500)
    let logDensity = zip(z.x, z.y).map { -0.5 * ($0 * $0 + $1 * $1) - log(2 * .pi) }
    return Figure()
      .scatter(z.x, z.y, values: logDensity, colormap: .viridis, size: 5)
      .colorbar("log p_Z(z)").title("Latent samples coloured by log-density").labels(
        x: "z_1", y: "z_2"
      )
      .equalAspect()
  }

  static func trainingCurves() -> Figure {
    let steps = (0..<60).map { Double($0) * 50 }
    let train = steps.map { 2.8 * exp(-$0 / 700) + 0.05 + 0.02 * sin($0 / 90) }
    let validation = steps.map { 2.9 * exp(-$0 / 800) + 0.09 }
    let everyFifth = stride(from: 0, to: steps.count, by: 5)
    return Figure()
      .line(steps, train, label: "train")
      .line(steps, validation, style: .dashed, label: "validation")
      .line(
        everyFifth.map { steps[$0] }, everyFifth.map { validation[$0] * 1.6 }, marker: .circle,
        label: "no ActNorm"
      )
      .logY().title("Negative log-likelihood").labels(x: "step", y: "−log p_θ(x)  (nats)")
  }

  static func histogram() -> Figure {
    var samples = GallerySamples(seed: 3)
    let values = (0..<4000).map { _ in samples.normal() * 0.8 + 0.5 }
    let grid = stride(from: -3.0, through: 4.0, by: 0.05).map { $0 }
    let pdf = grid.map { exp(-0.5 * pow(($0 - 0.5) / 0.8, 2)) / (0.8 * (2 * .pi).squareRoot()) }
    return Figure()
      .histogram(values, bins: 40, density: true, label: "samples")
      .line(grid, pdf, color: .black, width: 1.5, label: "N(0.5, 0.8^2)")
      .title("Histogram with the true density").labels(x: "x", y: "density").legend(.upperLeft)
  }

  static func density() -> Figure {
    Figure()
      .density(x: -3...3, y: -2...4, resolution: 200, colormap: .magma) { banana($0, $1) }
      .colorbar("p(x)").title("Learned density p_θ(x)").labels(x: "x_1", y: "x_2")
  }

  static func histogram2D() -> Figure {
    var samples = GallerySamples(seed: 4)
    let z = samples.gaussian(20_000)
    let x = zip(z.x, z.y).map { coupling([$0, $1]) }
    return Figure()
      .histogram2D(x.map { $0[0] }, x.map { $0[1] }, bins: 80, x: -3...3, y: -3...4)
      .colorbar("density").title("Samples pushed through a coupling layer").labels(
        x: "x_1", y: "x_2")
  }

  static func contour() -> Figure {
    var samples = GallerySamples(seed: 5)
    let z = samples.gaussian(800)
    return Figure()
      .scatter(z.x, z.y, size: 3, color: .gray, alpha: 0.5, label: "z = f(x)")
      .contour(
        x: -3.5...3.5, y: -3.5...3.5, levels: [0.01, 0.05, 0.1], color: .red,
        label: "N(0, I) contours"
      ) {
        exp(-0.5 * ($0 * $0 + $1 * $1)) / (2 * .pi)
      }
      .contour(x: -3.5...3.5, y: -3.5...3.5, levelCount: 6) { banana($0, $1 + 1) }
      .colorbar("banana level")
      .equalAspect().title("Gaussian contours over the latent").labels(x: "z_1", y: "z_2")
  }

  static func deformedGrid() -> Figure {
    Figure()
      .deformedGrid(
        x: -2...2, y: -2...2, lines: 13, color: .gray, width: 0.6, alpha: 0.4, label: "identity"
      ) { $0 }
      .deformedGrid(x: -2...2, y: -2...2, lines: 13, color: .blue, label: "coupling layer") {
        coupling($0)
      }
      .equalAspect().title("How one coupling layer bends space").labels(x: "y_1", y: "y_2").legend(
        .lowerRight)
  }

  static func quiver() -> Figure {
    Figure()
      .density(x: -2...2, y: -2...2, resolution: 120, colormap: .viridis) { x, y in
        let d = coupling([x, y])
        return ((d[0] - x) * (d[0] - x) + (d[1] - y) * (d[1] - y)).squareRoot()
      }
      .quiver(x: -2...2, y: -2...2, count: 14, color: .white) { p in
        let d = coupling(p)
        return [d[0] - p[0], d[1] - p[1]]
      }
      .colorbar("|f(x) − x|").equalAspect().title("Displacement field f(x) − x").labels(
        x: "x_1", y: "x_2")
  }

  static func annotations() -> Figure {
    let x = stride(from: -4.0, through: 4.0, by: 0.02).map { $0 }
    let mixture = x.map {
      0.6 * exp(-0.5 * pow($0 + 1.2, 2) / 0.36) / 1.504 + 0.4 * exp(-0.5 * pow($0 - 1.5, 2)) / 2.507
    }
    return Figure()
      .line(x, mixture, label: "p_θ(x)")
      .annotate("mode at μ_1 = −1.2", at: (-2.2, 0.45), pointingTo: (-1.2, 0.398))
      .annotate("σ_2 = 1, weight π_2 = 0.4", at: (2.4, 0.28), pointingTo: (1.5, 0.16))
      .text("∫ p_θ(x) dx = 1", at: (-3.1, 0.25), size: 9, color: .gray)
      .yLimits(0...0.5).title("Greek, sub- and superscripts: α β θ σ^2 x_{10} e^{−x}")
      .labels(x: "x", y: "p_θ(x)")
  }

  static func subplots() -> Figure {
    var samples = GallerySamples(seed: 6)
    let moons = samples.twoMoons(800)
    let latent = zip(moons.x, moons.y).map { [($0 - 0.5) * 1.6, ($1 - 0.25) * 2.6] }
    let drawn = samples.gaussian(800)
    let back = zip(drawn.x, drawn.y).map { [$0 / 1.6 + 0.5 + 0.05 * sin(3 * $1), $1 / 2.6 + 0.25] }
    let moonColour = moons.moon.map(Double.init)
    return Figure(columns: 3, sharedX: true, sharedY: true)
      .figureTitle("RealNVP on two moons")
      .panel(0).scatter(moons.x, moons.y, values: moonColour, colormap: .coolwarm, size: 3).title(
        "data x"
      )
      .labels(x: "x_1", y: "x_2")
      .panel(1).scatter(
        latent.map { $0[0] }, latent.map { $0[1] }, values: moonColour, colormap: .coolwarm, size: 3
      )
      .title("latent z = f(x)").xLabel("z_1")
      .panel(2).scatter(back.map { $0[0] }, back.map { $0[1] }, size: 3, color: .green, alpha: 0.6)
      .title("samples f^{−1}(z)").xLabel("x_1")
  }

  static func ticks() -> Figure {
    let t = (0...50).map { Double($0) / 50 }
    return Figure(rows: 2, columns: 2)
      .figureTitle("Nice ticks for any range")
      .panel(0).line(t.map { $0 * 1e-3 }, t.map { sin(6 * $0) * 2e-3 }).title("milli: 0…10^{−3}")
      .panel(1).line(t.map { $0 * 1e5 }, t.map { $0 * $0 * 9e4 + 1e4 }).title("large: 0…10^5")
      .panel(2).line(t.map { -40 - 60 * $0 }, t.map { -0.5 - $0 * 3 }, marker: .square).title(
        "negative"
      )
      .panel(3).line(t.map { $0 * 1e4 }, t.map { pow(10, -3 + 8 * $0) }).logY().title(
        "log y: 10^{−3}…10^5")
  }
}
