import ArgumentParser
import Foundation
import Notebook
import Weave

/// `flowbook build`: runs every chapter's cells and weaves the report into `output/`.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build", abstract: "Run the chapters' cells and write the report to output/.")

  @Option(name: .long, help: "The book folder (holding chapters/).")
  var book: String = "."

  @Flag(name: .long, help: "Also print the report to output/report.pdf with headless Chromium.")
  var pdf = false

  func run() throws {
    let chaptersDirectory = book + "/chapters"
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: chaptersDirectory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw UserError("no chapters/ folder in \(book): create \(chaptersDirectory) with Markdown chapters, or pass --book DIR")
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: chaptersDirectory)
      .filter { $0.hasSuffix(".md") }.sorted()
    let executor = ChapterExecutor(toolchain: .current())
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("flowbook-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: work) }

    var executed: [ExecutedChapter] = []
    var failures = 0
    for (number, file) in files.enumerated() {
      let relative = "chapters/" + file
      let source = try String(contentsOfFile: chaptersDirectory + "/" + file, encoding: .utf8)
      let chapter = ChapterParser.parse(source, file: relative)
      print("[\(number + 1)/\(files.count)] \(relative): running \(chapter.cells.count) cells")
      do {
        let result = try executor.run(chapter, in: work + "/\(number)")
        failures += result.results.filter { $0.status == .error }.count
        executed.append(result)
      } catch {
        failures += 1
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        var results = chapter.cells.map { _ in CellResult(status: .notRun) }
        if !results.isEmpty {
          results[0] = CellResult(status: .error, error: CellError(message: "\(error)", file: relative))
        }
        executed.append(ExecutedChapter(chapter: chapter, results: results, displayDirectory: work))
      }
    }
    let output = book + "/output"
    try ReportWriter.write(ReportBuilder(metadata: BookMetadata(title: "FlowBook"), linksPDF: pdf).build(executed), to: output)
    print("wrote \(output)/index.html")
    if pdf {
      try PDFExporter().export(output + "/print.html", to: output + "/report.pdf")
      print("wrote \(output)/report.pdf")
    }
    if failures > 0 { throw ExitCode(1) }
  }
}
