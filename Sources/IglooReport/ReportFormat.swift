import Foundation
import IglooContent
import IglooEngine

/// The forms an assessment is exported in.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
  /// The assessment, for the minutes and the APV.
  case markdown = "md"
  /// Everything computed, machine-readable.
  case json
  /// The action plan, for spreadsheets.
  case csv
  /// The assessment as a Word document, for the minutes, the APV folder and print.
  case docx

  /// The file name extension.
  public var fileExtension: String { rawValue }

  /// The format a file name's extension names (`rapport.docx`, `plan.CSV`), if any. The wizard's
  /// two front-ends and `igloo report -o` without `--format` let the name decide, so that a file
  /// called `.docx` never holds Markdown.
  public static func named(by path: String) -> ReportFormat? {
    guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: "."), dot != name.startIndex else {
      return nil
    }
    return ReportFormat(rawValue: name[name.index(after: dot)...].lowercased())
  }

  /// The assessment rendered in this format, as the bytes written to a file: the whole report,
  /// or with `part: .summary` the summary alone.
  ///
  /// Every format passes its text through ``SafeText`` at its boundary (the whole Markdown in its
  /// renderer, each CSV cell, each JSON string), so control characters never reach a terminal or a
  /// spreadsheet.
  public func render(
    _ assessment: Assessment, language: Language, part: ReportPart = .all, minutes: Int = defaultMeetingMinutes
  ) -> Data {
    switch self {
    case .markdown: Self.bytes(MarkdownReport.render(assessment, language: language, part: part, minutes: minutes))
    case .json: JSONReport.render(assessment, language: language, part: part, minutes: minutes)
    case .csv: Self.bytes(CSVReport.render(assessment, language: language, part: part, minutes: minutes))
    case .docx: DocxReport.render(assessment, language: language, part: part, minutes: minutes)
    }
  }

  /// The text's UTF-8 as Data, copied at once: `Data(text.utf8)` goes through Data's generic
  /// sequence initialiser, whose first use makes the runtime search every conformance in the binary.
  static func bytes(_ text: String) -> Data {
    var text = text
    return text.withUTF8 { Data($0) }
  }
}
