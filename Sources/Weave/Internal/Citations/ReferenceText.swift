/// One bibliography entry written out for a reference list: authors, year, title, where it appeared,
/// and a link (DOI, URL or arXiv).
enum ReferenceText {
  /// The entry as HTML: "Laurent Dinh, Jascha Sohl-Dickstein and Samy Bengio (2017). Density
  /// estimation using Real NVP. In *International Conference on Learning Representations*."
  static func html(_ entry: BibliographyEntry, year: String) -> String {
    var html = authors(entry).htmlEscaped + " (\(year.htmlEscaped)). "
    if let title = entry.fields["title"] { html += sentence(title).htmlEscaped + " " }
    if let venue = venue(entry) {
      html += (venue.lead.isEmpty ? "" : venue.lead + " ") + "<em>\(venue.name.htmlEscaped)</em>"
      html += venue.details.map { ", " + $0.htmlEscaped } ?? ""
      html += ". "
    }
    if let publisher = entry.fields["publisher"], entry.type != "article" {
      html += sentence(publisher).htmlEscaped + " "
    }
    if let link = link(entry) {
      html += "<a href=\"\(link.url.htmlEscaped)\">\(link.text.htmlEscaped)</a>"
    }
    return html.trimmingCharacters(in: .whitespaces)
  }

  /// The entry as one line of plain text, for a citation's tooltip.
  static func plain(_ entry: BibliographyEntry, year: String) -> String {
    var text = authors(entry) + " (\(year))."
    if let title = entry.fields["title"] { text += " " + sentence(title) }
    if let venue = venue(entry) { text += " " + venue.name + "." }
    return text
  }

  private static func authors(_ entry: BibliographyEntry) -> String {
    var names = entry.authors.filter { !$0.isOthers }.map(\.displayName)
    if entry.authors.contains(where: \.isOthers) { names.append("et al.") }
    switch names.count {
    case 0: return entry.fields["organization"] ?? entry.fields["institution"] ?? "Anonymous"
    case 1: return names[0]
    default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
  }

  private static func venue(_ entry: BibliographyEntry) -> (lead: String, name: String, details: String?)? {
    let fields = entry.fields
    if let journal = fields["journal"] ?? fields["journaltitle"] {
      var details = fields["volume"].map { $0 + (fields["number"].map { "(\($0))" } ?? "") }
      if let pages = fields["pages"] { details = (details.map { $0 + ", " } ?? "") + pages }
      return ("", journal, details)
    }
    if let book = fields["booktitle"] {
      return ("In", book, fields["pages"].map { "pages \($0)" })
    }
    if let other = fields["howpublished"] ?? fields["institution"] ?? fields["school"] {
      return ("", other, nil)
    }
    return nil
  }

  private static func link(_ entry: BibliographyEntry) -> (url: String, text: String)? {
    if let doi = entry.fields["doi"] { return ("https://doi.org/" + doi, "doi:" + doi) }
    if let eprint = entry.fields["eprint"],
      (entry.fields["archiveprefix"] ?? entry.fields["eprinttype"] ?? "arxiv").lowercased() == "arxiv"
    {
      return ("https://arxiv.org/abs/" + eprint, "arXiv:" + eprint)
    }
    if let url = entry.fields["url"] { return (url, url) }
    return nil
  }

  /// `text` ending in a full stop (unless it already ends in punctuation).
  private static func sentence(_ text: String) -> String {
    guard let last = text.last, !".?!".contains(last) else { return text }
    return text + "."
  }
}
