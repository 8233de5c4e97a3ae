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
}
