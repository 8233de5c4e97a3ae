import Foundation
import Testing
import _TestSupport

@testable import Notebook

/// The compiler's jobs, read from `swiftc -driver-print-jobs` and moved into each compile's work folder.
@Suite struct CompileJobsTests {
  @Test func wordsAreSplitAtSpacesAndUnquotedAsTheShellWould() {
    #expect(
      CompileJobs.words(of: "swiftc -c '/a b/main.swift' 'it'\\''s' x''y") == [
        "swiftc", "-c", "/a b/main.swift", "it's", "xy",
      ])
    #expect(CompileJobs.words(of: "  a   b ") == ["a", "b"])
    #expect(CompileJobs.words(of: "a 'open") == nil)
    #expect(CompileJobs.words(of: "a \"double\"") == nil)
    #expect(CompileJobs.words(of: "a $HOME") == nil)
    #expect(CompileJobs.words(of: "") == nil)
  }

  @Test func theDriversTemporaryFolderBecomesTheWorkFolderAndIsRemoved() throws {
    let folder = try TemporaryDirectory()
    let temporary = folder.path + "/TemporaryDirectory.x1Yz"
    try folder.write("", to: "TemporaryDirectory.x1Yz/.keep-directory")
    let placeholder = CompileJobs.placeholder
    let printed = """
      /bin/swift-frontend -frontend -c \(placeholder)/main.swift -module-name chapter -o \(temporary)/chapter-1.o
      /bin/swift-autolink-extract \(temporary)/chapter-1.o -o \(temporary)/chapter-2.autolink
      /bin/clang \(temporary)/chapter-1.o @\(temporary)/chapter-2.autolink -o \(placeholder)/chapter

      """
    let jobs = try #require(CompileJobs.parse(printed))
    #expect(!FileManager.default.fileExists(atPath: temporary))
    #expect(
      jobs.commands(in: "/book/work 1") == [
        [
          "/bin/swift-frontend", "-frontend", "-c", "/book/work 1/main.swift", "-module-name", "chapter", "-o",
          "/book/work 1/chapter-1.o",
        ],
        ["/bin/swift-autolink-extract", "/book/work 1/chapter-1.o", "-o", "/book/work 1/chapter-2.autolink"],
        ["/bin/clang", "/book/work 1/chapter-1.o", "@/book/work 1/chapter-2.autolink", "-o", "/book/work 1/chapter"],
      ])
  }

  @Test func filesTheDriverWroteBeforeItsJobsAreWrittenIntoTheWorkFolder() throws {
    let folder = try TemporaryDirectory()
    let temporary = folder.path + "/TemporaryDirectory.q2Wz"
    let placeholder = CompileJobs.placeholder
    try folder.write("", to: "TemporaryDirectory.q2Wz/.keep-directory")
    try folder.write("{\"\(placeholder)/main.swift\": {}}\n", to: "TemporaryDirectory.q2Wz/supplementaryOutputs-1")
    let printed = """
      /bin/swift-frontend -frontend -c \(placeholder)/main.swift -supplementary-output-file-map \(temporary)/supplementaryOutputs-1 -o \(temporary)/chapter-1.o

      """
    let jobs = try #require(CompileJobs.parse(printed))
    #expect(jobs.files == ["supplementaryOutputs-1": "{\"\(placeholder)/main.swift\": {}}\n"])
    let work = try TemporaryDirectory()
    try jobs.writeFiles(in: work.path)
    #expect(
      try String(contentsOfFile: work.path + "/supplementaryOutputs-1", encoding: .utf8)
        == "{\"\(work.path)/main.swift\": {}}\n")
    #expect(jobs.commands(in: work.path)[0].contains(work.path + "/supplementaryOutputs-1"))
  }

  @Test(arguments: [
    "/bin/clang main.o -o chapter\n",
    "/bin/swift-frontend -c main.swift\n",
    "/bin/swift-frontend -frontend -c \"main.swift\"\n",
  ])
  func jobsThatDoNotLookAsExpectedAreNotUsed(printed: String) {
    #expect(CompileJobs.parse(printed) == nil)
  }
}
