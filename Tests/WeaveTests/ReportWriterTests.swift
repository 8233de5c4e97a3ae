import Foundation
import Testing
import Weave
import _TestSupport

@Suite struct ReportWriterTests {
  @Test func writesBytesAndCopiesFilesIntoFolders() throws {
    let source = try TemporaryDirectory()
    try source.write("svg", to: "f.svg")
    let output = try TemporaryDirectory()
    let report = Report(files: [
      "index.html": .data(Data("<p>hi</p>".utf8)),
      "figures/a/f.svg": .copy(from: source.path + "/f.svg"),
    ])
    try ReportWriter.write(report, to: output.path)
    #expect(try String(contentsOfFile: output.path + "/index.html", encoding: .utf8) == "<p>hi</p>")
    #expect(try String(contentsOfFile: output.path + "/figures/a/f.svg", encoding: .utf8) == "svg")
  }

  @Test func replacesThePreviousReportButKeepsOtherFiles() throws {
    let output = try TemporaryDirectory()
    for stale in ["old-chapter.html", "figures/old/x.svg", "report.pdf", ".cache/keep"] {
      try output.write("x", to: stale)
    }
    try ReportWriter.write(Report(files: ["index.html": .data(Data())]), to: output.path)
    let fileManager = FileManager.default
    #expect(!fileManager.fileExists(atPath: output.path + "/old-chapter.html"))
    #expect(!fileManager.fileExists(atPath: output.path + "/figures"))
    #expect(fileManager.fileExists(atPath: output.path + "/report.pdf"))
    #expect(fileManager.fileExists(atPath: output.path + "/.cache/keep"))
  }

  /// Files are written in place: a longer file already there is cut to the new content, and a file that cannot be
  /// written is one error naming it.
  @Test func overwritesWholeFilesAndNamesOneItCannotWrite() throws {
    let output = try TemporaryDirectory()
    try output.write("a much longer stylesheet than the new one", to: "assets/flowbook.css")
    try ReportWriter.write(Report(files: ["assets/flowbook.css": .data(Data("p{}".utf8))]), to: output.path)
    #expect(try String(contentsOfFile: output.path + "/assets/flowbook.css", encoding: .utf8) == "p{}")

    try FileManager.default.createDirectory(atPath: output.path + "/taken.css", withIntermediateDirectories: true)
    let error = #expect(throws: WeaveError.self) {
      try ReportWriter.write(Report(files: ["taken.css": .data(Data("p{}".utf8))]), to: output.path)
    }
    #expect(error?.description.contains(output.path + "/taken.css") == true, "\(String(describing: error))")
  }
}
