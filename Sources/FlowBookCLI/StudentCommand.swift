import ArgumentParser
import Foundation
import Notebook

/// `flowbook student`: writes the student edition of a book, each solution region replaced by its prompt and an
/// `exercise(…)` stub (see `SolutionRegion`); everything else (book.yml, the shared source, data) is copied as is.
struct StudentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "student",
    abstract: "Write the student edition of a book: every solution region becomes a stub to fill in.")

  @Option(name: .long, help: "The book folder (holding chapters/).")
  var book: String = "."

  @Option(name: .long, help: "The folder to write the student edition to (new, outside the book).")
  var out: String

  func run() throws {
    let folder = try BookFolder(book)
    let target = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
    let source = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
    guard target != source, !target.hasPrefix(source + "/") else {
      throw UserError("--out \(out) is inside the book \(book): the student edition must go to a folder outside it")
    }
    if let entries = try? FileManager.default.contentsOfDirectory(atPath: target), !entries.isEmpty {
      throw UserError("--out \(out) already exists and is not empty: remove it or choose another folder")
    }
    let edition: StudentEdition
    do {
      edition = try StudentEdition(bookDirectory: folder.path)
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      throw ExitCode(1)
    }
    try edition.write(to: target)
    print(
      "wrote the student edition to \(out): \(edition.exercises.count) exercises (\(edition.exercises.joined(separator: ", ")))"
    )
  }
}
