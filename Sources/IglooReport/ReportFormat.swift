import Foundation
import IglooContent
import IglooEngine

/// The three forms an assessment is exported in.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
  /// The assessment, for the minutes and the APV.
  case markdown = "md"
  /// Everything computed, machine-readable.
  case json
  /// The action plan, for spreadsheets.
  case csv

  /// The file name extension.
  public var fileExtension: String { rawValue }

  /// The assessment rendered in this format, as the bytes written to a file.
  ///
  /// Every format passes its text through ``SafeText`` at its boundary (the whole Markdown, each
  /// CSV cell, each JSON string), so control characters never reach a terminal or a spreadsheet.
  public func render(_ assessment: Assessment, language: Language) -> Data {
    switch self {
    case .markdown: Data(SafeText.visible(MarkdownReport.render(assessment, language: language)).utf8)
    case .json: JSONReport.render(assessment, language: language)
    case .csv: Data(CSVReport.render(assessment, language: language).utf8)
    }
  }
}
