import Foundation
import Testing
import _TestSupport

@testable import Preview

@Suite struct StaticFilesTests {
  private func makeFolder() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write("<html><head>\n<title>x</title>\n</head><body>hi</body></html>\n", to: "output/index.html")
    try folder.write("a { }", to: "output/assets/site.css")
    try folder.write("secret", to: "Package.swift")
    return folder
  }

  @Test(arguments: [
    "/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E/Package.swift", "/..%2fPackage.swift",
    "/%2e%2e%2fPackage.swift", "/assets/../../Package.swift", "/assets/%2e%2e/%2e%2e/Package.swift",
  ])
  func traversalIsForbidden(path: String) throws {
    let folder = try makeFolder()
    let files = StaticFiles(root: folder.path + "/output")
    #expect(throws: StaticFiles.Refusal.forbidden) { try files.file(for: path) }
  }

  @Test func filesAndFolderIndexesAreServed() throws {
    let folder = try makeFolder()
    let files = StaticFiles(root: folder.path + "/output")
    #expect(try files.file(for: "/").hasSuffix("/output/index.html"))
    #expect(try files.file(for: "/assets/site.css").hasSuffix("/output/assets/site.css"))
    #expect(throws: StaticFiles.Refusal.notFound) { try files.file(for: "/assets/") }
    #expect(throws: StaticFiles.Refusal.notFound) { try files.file(for: "/missing.html") }
  }

  @Test func aSymbolicLinkOutOfTheFolderIsForbidden() throws {
    let folder = try makeFolder()
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/output/link.swift", withDestinationPath: folder.path + "/Package.swift")
    let files = StaticFiles(root: folder.path + "/output")
    #expect(throws: StaticFiles.Refusal.forbidden) { try files.file(for: "/link.swift") }
  }

  @Test func theScriptGoesAtTheEndOfTheHead() {
    let html = StaticFiles.injectingScript(into: "<html><head><title>t</title></head><body></body></html>")
    #expect(
      html
        == "<html><head><title>t</title><script src=\"/_flowbook/preview.js\" defer></script>\n</head><body></body></html>"
    )
  }
}
