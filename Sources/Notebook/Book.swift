import Foundation

/// A book: a folder with `chapters/*.md` and an optional `chapters/book.yml`, parsed and ready to run.
///
/// `book.yml` may set `title`, `authors` (a name or a list), `chapters` (file names in `chapters/`, in
/// reading order; otherwise every `.md` in file-name order), `shared` (a Swift file in `chapters/` compiled
/// into every chapter, see `SharedSource`), `bibliography` (BibTeX or CSL YAML files in `chapters/`), `citation-style`
/// (`numeric` or `author-year`), `defaults` (cell options for every cell) and `cell-times` (`false` hides
/// cell run times).
public struct Book: Sendable {
  /// The book folder.
  public var directory: String
  /// Title and authors.
  public var metadata: BookMetadata
  /// The chapters in reading order; each `file` is relative to `directory`, e.g. `chapters/01-intro.md`.
  public var chapters: [Chapter]
  /// Probable mistakes found while loading, e.g. a `.md` file in `chapters/` that `book.yml` does not list.
  public var warnings: [BuildWarning] = []

  /// Reads and parses the book in `directory`, expanding includes against `directory`, then against
  /// `includes`' project root.
  public static func load(from directory: String, includes: IncludeResolver) throws(BookError) -> Book {
    var includes = includes
    includes.bookRoot = directory
    let chaptersDirectory = directory + "/chapters"
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: chaptersDirectory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw BookError(
        file: directory, "no chapters/ folder here: create chapters/ with Markdown chapters, or pass --book DIR")
    }
    let available = ((try? FileManager.default.contentsOfDirectory(atPath: chaptersDirectory)) ?? [])
      .filter { $0.hasSuffix(".md") }.sorted()
    var configuration = BookConfiguration(chapterFiles: available)
    var warnings: [BuildWarning] = []
    if FileManager.default.fileExists(atPath: chaptersDirectory + "/book.yml") {
      configuration = try BookConfiguration.read(from: chaptersDirectory, available: available)
      for file in available where !configuration.chapterFiles.contains(file) && file != configuration.preface?.name {
        warnings.append(
          BuildWarning(
            file: "chapters/" + file,
            "not listed in chapters/book.yml, so not in the report (add it to 'chapters:', or move it out of chapters/)"
          ))
      }
    }
    var shared: SharedSource?
    if let (name, line) = configuration.shared {
      shared = try SharedSource.read(name, bookDirectory: directory, line: line)
    }
    var chapters: [Chapter] = []
    var exports: [SharedSource] = []
    var regions =
      try shared.map { shared throws(BookError) in try SolutionRegion.scan(shared.code, file: shared.file) } ?? []
    for file in configuration.chapterFiles {
      let relative = "chapters/" + file
      guard let source = try? String(contentsOfFile: directory + "/" + relative, encoding: .utf8) else {
        throw BookError(file: relative, "cannot read the chapter (is it UTF-8 text?)")
      }
      regions += try SolutionRegion.scan(source, file: relative)
      var chapter = try ChapterParser.parse(
        source, file: relative, defaults: configuration.defaults, includes: includes)
      chapter.shared = shared
      try DeclaredInputs.check(chapter, bookDirectory: directory)
      chapter.exports = exports
      exports += chapter.cells.filter(\.options.export).map {
        SharedSource(file: relative, code: $0.code, line: $0.line)
      }
      chapters.append(chapter)
    }
    try SolutionRegion.requireUniqueNames(regions)
    let folderName = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
    let title = configuration.title ?? chapters.lazy.compactMap(\.title).first ?? folderName
    var preface: (markdown: String, file: String)?
    if let (name, line) = configuration.preface {
      let relative = "chapters/" + name
      guard name.hasSuffix(".md"), !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
        throw BookError(
          file: BookConfiguration.file, line: line,
          "'preface: \(name)' must name a .md file inside chapters/, e.g. 'preface: preface.md'")
      }
      guard let markdown = try? String(contentsOfFile: directory + "/" + relative, encoding: .utf8) else {
        throw BookError(file: BookConfiguration.file, line: line, "cannot read the preface '\(relative)'")
      }
      preface = (markdown, relative)
    }
    let metadata = BookMetadata(
      title: title, authors: configuration.authors, showsCellTimes: configuration.showsCellTimes,
      bibliography: try readBibliography(configuration.bibliography, directory: directory),
      citationStyle: configuration.citationStyle, preface: preface)
    return Book(directory: directory, metadata: metadata, chapters: chapters, warnings: warnings)
  }

  /// The `bibliography:` files, read from `chapters/`.
  private static func readBibliography(_ named: (names: [String], line: Int)?, directory: String)
    throws(BookError) -> [BibliographyFile]
  {
    guard let named else { return [] }
    var files: [BibliographyFile] = []
    for name in named.names {
      let relative = "chapters/" + name
      guard let text = try? String(contentsOfFile: directory + "/" + relative, encoding: .utf8) else {
        throw BookError(
          file: BookConfiguration.file, line: named.line, "cannot read the bibliography \(relative)")
      }
      files.append(BibliographyFile(path: relative, text: text))
    }
    return files
  }
}
