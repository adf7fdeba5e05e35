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
    ]
    let rows = PlanRow.plan(assessment, w).map { row in
      [
        row.rank.map(String.init) ?? "", w.status(row.status), row.title, w.level(row.level), row.responsibleText(w),
        row.deadline, row.how, row.followUp, row.evaluation, row.source, row.reasons.joined(separator: "\n"),
      ]
    }
    // The last record says how deep the assessment went, in the first column, so that the plan
    // is never read without knowing whether it rests on a quick scan.
    let progress = assessment.session.progress(assessment.pack)
    let depth = w(
      assessment.session.depth == .quick ? "csv.depth.quick" : "csv.depth.full",
      ["applied": String(progress.total), "answered": String(progress.answered)])
    let footer = [depth] + Array(repeating: "", count: header.count - 1)
    return "\u{FEFF}" + ([header] + rows + [footer]).map(RFC4180.record).joined()
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
