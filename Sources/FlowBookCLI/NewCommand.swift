import ArgumentParser
import Foundation

/// `flowbook new DIR`: writes a small book that builds at once, to start a new book from.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create a small working book in DIR: book.yml, one chapter with prose, math, a figure and a table.")

  @Argument(help: "The folder to create the book in (new, or empty).")
  var directory: String

  func run() throws {
    let fileManager = FileManager.default
    if let existing = try? fileManager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
      throw UserError("\(directory) is not empty: give flowbook new a new or empty folder")
    }
    for (path, contents) in BookTemplate.files.sorted(by: { $0.key < $1.key }) {
      let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
      do {
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        throw UserError("cannot write \(url.path): \(error.localizedDescription)")
      }
    }
    print("created the book \(directory); build it with: flowbook build --book \(directory)")
  }
}
