import Foundation

/// The settings of `chapters/book.yml`.
struct BookConfiguration {
  var title: String?
  var authors: [String] = []
  /// Chapter file names inside `chapters/`, in reading order.
  var chapterFiles: [String]
  /// Cell options every cell starts from.
  var defaults = CellOptions()
  /// The `shared:` Swift file (relative to `chapters/`) and its `book.yml` line.
  var shared: (name: String, line: Int)?
  /// The `bibliography:` files (relative to `chapters/`) and the `book.yml` line naming them.
  var bibliography: (names: [String], line: Int)?
  var citationStyle = CitationStyle.numeric
  /// `cell-times:` whether chapter pages show cell run times.
  var showsCellTimes = true
  /// The `preface:` Markdown file (relative to `chapters/`) and its `book.yml` line.
  var preface: (name: String, line: Int)?

  static let file = "chapters/book.yml"

  /// Reads `book.yml` in `chaptersDirectory`; `available` are the `.md` files there, the default chapter list.
  static func read(from chaptersDirectory: String, available: [String]) throws(BookError) -> BookConfiguration {
    guard let yaml = try? String(contentsOfFile: chaptersDirectory + "/book.yml", encoding: .utf8) else {
      throw BookError(file: file, "cannot read the file (is it UTF-8 text?)")
    }
    let mapping = try YAMLMapping.parse(yaml, file: file, firstLine: 1)
    var configuration = BookConfiguration(chapterFiles: available)
    for entry in mapping.entries {
      switch entry.key {
      case "title": configuration.title = try mapping.string(entry)
      case "authors", "author": configuration.authors = try mapping.strings(entry)
      case "chapters":
        configuration.chapterFiles = try mapping.strings(entry)
        for chapter in configuration.chapterFiles where !available.contains(chapter) {
          throw BookError(
            file: file, line: entry.line,
            "chapter '\(chapter)' is not a .md file in chapters/ (found: \(available.joined(separator: ", ")))")
        }
        // Each chapter is one page and one cache entry: listed twice, its two runs would share a work folder.
        var seen: Set<String> = []
        if let chapter = configuration.chapterFiles.first(where: { !seen.insert($0).inserted }) {
          throw BookError(file: file, line: entry.line, "chapter '\(chapter)' is listed more than once")
        }
      case "shared": configuration.shared = (try mapping.string(entry), entry.line)
      case "preface": configuration.preface = (try mapping.string(entry), entry.line)
      case "bibliography":
        let names = try mapping.strings(entry)
        let isBibliography = { (name: String) in [".bib", ".yaml", ".yml"].contains { name.hasSuffix($0) } }
        if let name = names.first(where: { !isBibliography($0) || $0.hasPrefix("/") || $0.contains("..") }) {
          throw BookError(
            file: file, line: entry.line,
            "bibliography '\(name)' must name a BibTeX .bib or CSL YAML .yaml file inside chapters/")
        }
        configuration.bibliography = (names, entry.line)
      case "citation-style":
        let text = try mapping.string(entry)
        guard let style = CitationStyle(rawValue: text) else {
          throw BookError(
            file: file, line: entry.line, "citation-style '\(text)' is unknown (known: numeric, author-year)")
        }
        configuration.citationStyle = style
      case "cell-times":
        switch try mapping.string(entry) {
        case "true": configuration.showsCellTimes = true
        case "false": configuration.showsCellTimes = false
        default: throw BookError(file: file, line: entry.line, "'cell-times' must be true or false")
        }
      case "defaults":
        guard let defaults = entry.value.mapping else {
          throw BookError(file: file, line: entry.line, "'defaults' must hold cell options as 'key: value' lines")
        }
        for (key, value) in defaults {
          let line = key.mark?.line ?? entry.line
          let option = YAMLMapping.Entry(key: key.string ?? "", value: value, line: line)
          try mapping.apply(option, to: &configuration.defaults)
        }
      default:
        throw BookError(
          file: file, line: entry.line,
          "unknown key '\(entry.key)' (known: title, authors, chapters, shared, preface, bibliography, citation-style, defaults, cell-times)"
        )
      }
    }
    if let preface = configuration.preface, !mapping.entries.contains(where: { $0.key == "chapters" }) {
      configuration.chapterFiles.removeAll { $0 == preface.name }
    }
    return configuration
  }
}
