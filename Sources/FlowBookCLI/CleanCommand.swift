import ArgumentParser
import Foundation

/// `flowbook clean`: removes a book's cached results and its report.
struct CleanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean", abstract: "Remove the cached cell results (.flowbook-cache/) and the report (output/).")

  @Option(name: .long, help: "The book folder (holding chapters/).")
  var book: String = "."

  func run() throws {
    let bookDirectory = URL(fileURLWithPath: book).standardizedFileURL.path
    let cacheDirectory = bookDirectory + "/.flowbook-cache"
    let lock = try BuildLock(cacheDirectory: cacheDirectory, book: book)
    defer { withExtendedLifetime(lock) {} }
    try OutputFolder(path: bookDirectory + "/output", cacheDirectory: cacheDirectory).empty()
    let fileManager = FileManager.default
    for item in (try? fileManager.contentsOfDirectory(atPath: cacheDirectory)) ?? [] where item != "lock" {
      try fileManager.removeItem(atPath: cacheDirectory + "/" + item)
    }
    print("removed \(book)/.flowbook-cache and the report in \(book)/output")
  }
}
