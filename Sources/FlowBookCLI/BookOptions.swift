import ArgumentParser
import Notebook

/// The options `flowbook build` and `flowbook preview` share: the book, and the settings its chapters read
/// (`-P`, `--quick`/`--full`, `--seed`). One `@OptionGroup`, so the two commands cannot drift apart.
struct BookOptions: ParsableArguments {
  @Option(name: .long, help: "The book folder (holding chapters/).")
  var book: String = "."

  @Option(
    name: .customShort("P"),
    help: ArgumentHelp("A build parameter, read by cells with Build.parameter(_:default:).", valueName: "key=value"))
  var parameters: [String] = []

  @Flag(help: "The profile chapters read as Build.profile: --quick for fast drafts, --full (default) for the report.")
  var profile: BuildSettings.Profile = .full

  @Option(name: .long, help: "The seed chapters read as Build.seed.")
  var seed: UInt64 = 0

  /// These options as command-line arguments, with `book` for the book folder.
  func arguments(book: String) -> [String] {
    ["--book", book, "--seed", String(seed), "--\(profile.rawValue)"] + parameters.flatMap { ["-P", $0] }
  }
}
