import ArgumentParser

/// The `flowbook` command: builds the course report and runs the project's tools.
public struct FlowBookCommand: ParsableCommand {
  /// The command's name, summary and subcommands.
  public static let configuration = CommandConfiguration(
    commandName: "flowbook",
    abstract: "Build a literate Swift report from the Markdown chapters in chapters/.",
    subcommands: [
      BuildCommand.self, NewCommand.self, PreviewCommand.self, CleanCommand.self, StudentCommand.self,
      GalleryCommand.self, TrainCommand.self, VerifyCommand.self, BenchCommand.self,
    ])

  /// The command before argument parsing (ArgumentParser fills it in).
  public init() {}
}
