import Foundation
import IglooContent
import IglooEngine

/// The action plan as CSV for spreadsheets (RFC 4180).
///
/// Lines end in CRLF and the text starts with a UTF-8 byte-order mark: without it, Excel reads
/// the file in the machine's legacy code page and æ, ø and å come out garbled.
public enum CSVReport {
  /// Renders the action plan of `assessment` with a header row in `language`.
  public static func render(_ assessment: Assessment, language: Language) -> String {
    let w = Wording(pack: assessment.pack, language: language)
    let header = [
      w("plan.rank"), w("plan.status"), w("plan.what"), w("plan.level"), w("plan.responsible"), w("plan.deadline"),
      w("plan.how"), w("plan.follow-up"), w("plan.evaluation"), w("plan.source"), w("plan.reasons"),
      w("plan.missing"), w("plan.own-text"),
    ]
    let rows = PlanRow.plan(assessment, w).map { row in
      [
        row.rank.map(String.init) ?? "", w.status(row.status), row.title, w.level(row.level), row.responsibleText(w),
        row.deadline, row.how, row.followUp, row.evaluation, row.source, row.reasons.joined(separator: "\n"),
        row.missingText(w), ownText(row, w),
      ]
    }
    return "\u{FEFF}" + ([header] + rows).map(RFC4180.record).joined()
  }

  /// Which of the row's texts the users wrote, so a spreadsheet never passes them off as the report's.
  static func ownText(_ row: PlanRow, _ w: Wording) -> String {
    if row.isOwn { return w("plan.own-text.all") }
    return ([row.ownTitle ? w("plan.what") : nil, row.ownHow ? w("plan.how") : nil] as [String?]).compactMap { $0 }
      .joined(separator: ", ")
  }
}

/// RFC 4180 fields and records.
enum RFC4180 {
  /// One record: fields joined by commas, ended by CRLF.
  static func record(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

  /// A field, quoted when it holds a comma, quote, line break or leading or trailing space
  /// (which some readers trim), with embedded quotes doubled.
  static func field(_ text: String) -> String {
    let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
