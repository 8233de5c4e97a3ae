import ArgumentParser

/// `flowbook bench`: speed measurements of the project's hot paths (run on a release build).
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure the speed of FlowBook's hot paths (use a release build).",
    subcommands: [NumericsBenchCommand.self, BenchPlotCommand.self, BenchFlowsCommand.self])
}
