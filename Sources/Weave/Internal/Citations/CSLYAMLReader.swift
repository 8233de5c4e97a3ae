import Yams

/// Reads a CSL YAML bibliography (`references.yaml`, as pandoc and Zotero write it): a `references:`
/// list (or a bare list) of items with `id`, `type`, `author` (`family`/`given` or `literal`),
/// `title`, `container-title`, `issued` (`date-parts`, or a year), `volume`, `issue`, `page`,
/// `publisher`, `DOI` and `URL`.
enum CSLYAMLReader {
  /// The entries of `text`, the contents of `file`, in order.
  static func parse(_ text: String, file: String) throws(WeaveError) -> [BibliographyEntry] {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw .badBibliography("not valid YAML: \(error)", at: ChapterLocation(file: file, line: 1))
    }
    guard let root else { return [] }
    let items = root.mapping?["references"]?.sequence ?? root.sequence
    guard let items else {
      throw .badBibliography("expected a 'references:' list of CSL items", at: ChapterLocation(file: file, line: 1))
    }
    var entries: [BibliographyEntry] = []
    for item in items {
      let location = ChapterLocation(file: file, line: (item.mark?.line ?? 0) + 1)
      guard let mapping = item.mapping, let key = mapping["id"]?.scalar?.string else {
        throw .badBibliography("a reference without an 'id'", at: location)
      }
      entries.append(entry(key: key, mapping, at: location))
    }
    return entries
  }

  private static func entry(key: String, _ item: Node.Mapping, at location: ChapterLocation)
    -> BibliographyEntry
  {
    func text(_ name: String) -> String? { item[name]?.scalar?.string }
    let type = text("type") ?? "article"
    var fields: [String: String] = [:]
    fields["title"] = text("title")
    fields["volume"] = text("volume")
    fields["number"] = text("issue")
    fields["pages"] = text("page")?.replacing("-", with: "–")
    fields["publisher"] = text("publisher")
    fields["doi"] = text("DOI") ?? text("doi")
    fields["url"] = text("URL") ?? text("url")
    fields["year"] = year(item["issued"])
    let container = text("container-title")
    let bibTeXType: String
    switch type {
    case "article-journal", "article-magazine", "article-newspaper", "article":
      bibTeXType = "article"
      fields["journal"] = container
    case "paper-conference", "chapter":
      bibTeXType = "inproceedings"
      fields["booktitle"] = container
    case "book":
      bibTeXType = "book"
    default:
      bibTeXType = "misc"
      fields["howpublished"] = container
    }
    let authors = (item["author"]?.sequence ?? []).map { person -> PersonName in
      let name = person.mapping
      if let literal = name?["literal"]?.scalar?.string { return PersonName(given: "", family: literal) }
      return PersonName(
        given: name?["given"]?.scalar?.string ?? "", family: name?["family"]?.scalar?.string ?? "")
    }
    return BibliographyEntry(
      key: key, type: bibTeXType, authors: authors, fields: fields.compactMapValues { $0 },
      location: location)
  }

  /// The year of `issued`: `date-parts: [[2017, 5]]`, `2017`, `2017-05-01` or `year: 2017`.
  private static func year(_ issued: Node?) -> String? {
    guard let issued else { return nil }
    if let parts = issued.mapping?["date-parts"]?.sequence?.first?.sequence?.first?.scalar?.string {
      return parts
    }
    if let year = issued.mapping?["year"]?.scalar?.string { return year }
    return issued.scalar?.string.prefix(4).description
  }
}
