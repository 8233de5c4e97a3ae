import Foundation
import Testing
import _TestSupport

/// `flowbook new DIR`: a book that builds at once, with every feature a first chapter needs.
@Suite struct NewCommandTests {
  @Test func aNewBookBuildsAtOnceWithoutWarnings() throws {
    let parent = try TemporaryDirectory()
    let book = parent.path + "/my-book"
    let created = try FlowBookBinary.run(["new", book])
    #expect(created.exitCode == 0, "\(created.standardError)")
    let gitignore = try String(contentsOfFile: book + "/.gitignore", encoding: .utf8)
    #expect(gitignore.contains("output/") && gitignore.contains(".flowbook-cache/"))

    let built = try FlowBookBinary.run(["build", "--book", book])
    #expect(built.exitCode == 0, "\(built.standardError)")
    #expect(!built.standardError.contains("warning"))
    let page = try String(contentsOfFile: book + "/output/01-first-chapter.html", encoding: .utf8)
    #expect(page.contains("Figure 1"))
    #expect(page.contains("Table 1"))
    #expect(page.contains("class=\"katex"))
    #expect(page.contains("the grid has 201 points, spaced\n0.04 apart"))
  }

  @Test func aFolderThatIsNotEmptyIsRefused() throws {
    let book = try TemporaryDirectory()
    try book.write("mine\n", to: "notes.txt")
    let run = try FlowBookBinary.run(["new", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("is not empty"))
    #expect(!FileManager.default.fileExists(atPath: book.path + "/chapters"))
  }
}
