// swift-tools-version: 6.0
// FlowBook: a literate report generator for the course "Normalizing Flows with Coupling Layers".
// Data flows one way: chapters → Notebook (parse, execute, cache) → Weave (HTML/PDF) → output/.
import PackageDescription

/// `-O` in debug builds as well, for modules without preconditions whose messages a debug build must print (`-O`
/// drops them) whose work every run repeats: the plotting loops, and the engine's and weaver's text processing
/// (parsing, keys, HTML), which a debug `flowbook` and the end-to-end tests run on every build.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
  name: "FlowBook",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "flowbook", targets: ["flowbook"]),
    /// The library that chapter cells link against: one dynamic product so a cell compiles in ~1 s.
    .library(
      name: "FlowBookKit", type: .dynamic,
      targets: ["CellRuntime", "CellProtocol", "Autodiff", "NeuralNet", "Flows", "Plot", "PlotCairo"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // MARK: - System libraries (module maps only)
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(
      name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(
      name: "CBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),

    // MARK: - Numerics and flows
    .target(name: "Autodiff", dependencies: ["CBLAS"]),
    .target(name: "NeuralNet", dependencies: ["Autodiff"]),
    .target(name: "Flows", dependencies: ["NeuralNet", "Autodiff", "CBLAS", "Plot", "_FlowKernels"]),
    /// The elementwise kernels of the flows' training step in C, AVX2 chosen at run time, and the moons' true
    /// density. Optimised in debug builds too: hot loops with nothing to step through, which a debug `flowbook`
    /// and the tests run on thousands of points (the release build's own flags are kept).
    .target(
      name: "_FlowKernels", publicHeadersPath: ".",
      cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),

    // MARK: - Plotting
    // Optimised in debug builds too (output identical): a debug build's figures (the tests', chapters run
    // against a debug library) took twice the time in per-point Swift loops that nobody steps through.
    .target(name: "Plot", swiftSettings: optimisedInDebug),
    .target(name: "PlotCairo", dependencies: ["Plot", "CCairo", "CZlib"], swiftSettings: optimisedInDebug),

    // MARK: - Notebook engine, weaving, cell runtime
    /// The build↔cell contract (environment, event prefix, profile), shared by the engine and the cells.
    .target(name: "CellProtocol"),
    .target(name: "CellRuntime", dependencies: ["CellProtocol", "Plot", "PlotCairo"]),
    .target(
      name: "Notebook", dependencies: ["CellProtocol", "CCmarkGFM", .product(name: "Yams", package: "Yams")],
      swiftSettings: optimisedInDebug),
    .target(
      name: "Weave", dependencies: ["Notebook", "CCmarkGFM", .product(name: "Yams", package: "Yams")],
      swiftSettings: optimisedInDebug),

    // MARK: - Live preview (HTTP server, file watcher, reload channel)
    .target(name: "Preview", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]),

    // MARK: - Command-line tool
    .target(
      name: "FlowBookCLI",
      dependencies: [
        "Notebook", "Weave", "Plot", "PlotCairo", "Autodiff", "NeuralNet", "Flows", "Preview",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "FlyingSocks", package: "FlyingFox"),
      ]),
    .executableTarget(name: "flowbook", dependencies: ["FlowBookCLI", "Autodiff"]),

    // MARK: - Tests
    .target(name: "_TestSupport", dependencies: ["Autodiff", "Weave"], path: "Tests/_TestSupport"),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "_TestSupport"]),
    .testTarget(name: "FlowBookCLITests", dependencies: ["FlowBookCLI", "_TestSupport"]),
    .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "_TestSupport"]),
    .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "_TestSupport"]),
    .testTarget(name: "WeaveTests", dependencies: ["Weave", "Notebook", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "PlotTests", dependencies: ["Plot", "PlotCairo", "CCairo"], exclude: ["Reference"]),
    .testTarget(name: "FlowsTests", dependencies: ["Flows", "Autodiff", "Plot", "_TestSupport"]),
    .testTarget(name: "PreviewTests", dependencies: ["Preview", "Weave", "_TestSupport"]),
  ]
)
