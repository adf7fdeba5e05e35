import Foundation
import IglooContent
import IglooEngine
import ZIPFoundation

/// The assessment as a Word document (.docx), written by igloo itself from the same document
/// model as the Markdown: Word's heading styles, real tables whose header row repeats, the
/// profile as a native chart, page numbers and the workplace and date in the footer, A4 portrait.
///
/// The package is deterministic: its parts are written in a fixed order, stored uncompressed
/// (so no compressor version can change the bytes) and dated 1980-01-01 00:00, the earliest
/// time a zip entry can hold, so the same session always gives the same bytes.
public enum DocxReport {
  /// Every zip entry's modification time: 1980-01-01 00:00:00 UTC.
  static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  /// The document of `assessment` in `language`, whole or the summary alone.
  ///
  /// The package is built in memory, where writing can fail only if memory runs out; should
  /// it fail anyway, the result is empty and callers report that rather than writing a broken file.
  public static func render(
    _ assessment: Assessment, language: Language, part: ReportPart = .all, minutes: Int = defaultMeetingMinutes
  ) -> Data {
    (try? package(parts(assessment, language, part: part, minutes: minutes))) ?? Data()
  }

  /// The package's parts, path and text, in the order they are written.
  static func parts(
    _ assessment: Assessment, _ language: Language, part: ReportPart, minutes: Int = defaultMeetingMinutes
  ) -> [(path: String, text: String)] {
    let w = Wording(pack: assessment.pack, language: language)
    let about = assessment.session.about
    let workplace = about.workplace.trimmed(newlines: true)
    return parts(
      ReportBuilder.document(assessment, language, part: part, minutes: minutes),
      title: workplace.isEmpty ? w("title") : w("title.workplace", ["workplace": workplace]),
      footer: [workplace.isEmpty ? w("title") : workplace, w.orNotGiven(about.date)].joined(separator: " · "),
      wording: w)
  }

  /// The parts of any document: `title` for the file's properties, `footer` before the page number
  /// on every page.
  static func parts(_ doc: ReportDocument, title: String, footer: String, wording w: Wording) -> [(path: String, text: String)] {
    let tag = w.language == .da ? "da-DK" : "en-GB"
    let body = DocxBody(doc)
    let page = w("docx.page", ["page": "\u{1}", "pages": "\u{2}"])
    var parts: [(String, String)] = [
      ("[Content_Types].xml", DocxParts.contentTypes(chart: body.chart != nil)),
      ("_rels/.rels", DocxParts.packageRelationships),
      ("docProps/core.xml", DocxParts.core(title: title, language: tag)),
      ("word/document.xml", DocxParts.document(body)),
      ("word/_rels/document.xml.rels", DocxParts.documentRelationships(chart: body.chart != nil)),
      ("word/styles.xml", DocxParts.styles(language: tag)),
      ("word/numbering.xml", DocxParts.numbering(numbered: body.numberedLists)),
      ("word/settings.xml", DocxParts.settings(language: tag)),
      ("word/footer1.xml", DocxParts.footer(footer, page: page)),
    ]
    if let chart = body.chart { parts.append(("word/charts/chart1.xml", DocxChart.part(chart, language: tag))) }
    return parts.map { (path: $0.0, text: $0.1) }
  }

  /// `doc` as a Word package; empty if the in-memory zip failed.
  static func render(_ doc: ReportDocument, title: String, footer: String, wording: Wording) -> Data {
    (try? package(parts(doc, title: title, footer: footer, wording: wording))) ?? Data()
  }

  /// The parts as a zip package.
  static func package(_ parts: [(path: String, text: String)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for part in parts {
      let data = Data(part.text.utf8)
      try archive.addEntry(
        with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
        permissions: 0o644, compressionMethod: .none
      ) { position, size in
        data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
      }
    }
    return archive.data ?? Data()
  }
}
