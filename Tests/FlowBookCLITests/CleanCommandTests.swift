import Foundation
import Testing
import _TestSupport

@Suite struct CleanCommandTests {
  @Test func cleanEmptiesCacheAndReport() throws {
    let book = try TemporaryDirectory()
    try book.write("# A\n\n```{swift}\nprint(1)\n```\n", to: "chapters/a.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    let run = try FlowBookBinary.run(["clean", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let fileManager = FileManager.default
    #expect(!fileManager.fileExists(atPath: book.path + "/output/index.html"))
    #expect(!fileManager.fileExists(atPath: book.path + "/.flowbook-cache/chapters"))
    let rebuilt = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(rebuilt.standardOutput.contains("compiling"))
  }

  @Test func aFolderWithoutChaptersIsRefusedAndLeftUntouched() throws {
    let folder = try TemporaryDirectory()
    let notABook = folder.path + "/missing-book"
    let run = try FlowBookBinary.run(["clean", "--book", notABook])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("no chapters/ folder in \(notABook)"), "\(run.standardError)")
    #expect(!FileManager.default.fileExists(atPath: notABook))
  }
}
