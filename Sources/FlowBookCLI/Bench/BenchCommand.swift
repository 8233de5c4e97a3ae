import ArgumentParser

/// `flowbook bench …`: speed measurements in the release build, reported as medians.
///
/// Each area adds one subcommand in its own file (`flowbook bench numerics`, …) and lists it
/// here; `BenchReport` and `medianMilliseconds` keep their output uniform (`--json` for one object).
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure FlowBook's speed (build with -c release first).",
    subcommands: [NumericsBenchCommand.self])
}
