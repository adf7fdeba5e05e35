import Foundation
import IglooContent
import IglooEngine

/// The action plan as CSV for spreadsheets (RFC 4180).
///
/// Lines end in CRLF and the text starts with a UTF-8 byte-order mark: without it, Excel reads
/// the file in the machine's legacy code page and æ, ø and å come out garbled.
public enum CSVReport {
  /// Renders the action plan of `assessment` with a header row in `language`; with
  /// `part: .summary`, only what the summary shows: what, who, deadline and status.
  public static func render(
    _ assessment: Assessment, language: Language, part: ReportPart = .all, minutes: Int = defaultMeetingMinutes
  ) -> String {
    let w = Wording(pack: assessment.pack, language: language)
    switch part {
    case .questions: return questions(assessment, w)
    case .agenda: return agenda(assessment, language, minutes: minutes)
    case .all, .summary: break
    }
    if part == .summary {
      let rows = PlanRow.plan(assessment, w).filter { $0.rank != nil }.map { row in
        [row.rank.map(String.init) ?? "", row.title, row.responsibleText(w), row.deadline, w.status(row.status)]
      }
      let header = [w("plan.rank"), w("plan.what"), w("plan.responsible"), w("plan.deadline"), w("plan.status")]
      let fingerprint = [ReportBuilder.fingerprintLine(assessment.session, w)] + Array(repeating: "", count: header.count - 1)
      return "\u{FEFF}" + ([header] + rows + [fingerprint]).map(RFC4180.record).joined()
    }
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
    // The last record says how deep the assessment went, in the first column, so that the plan
    // is never read without knowing whether it rests on a quick scan.
    let progress = assessment.session.progress(assessment.pack)
    let depth = w(
      assessment.session.depth == .quick ? "csv.depth.quick" : "csv.depth.full",
      ["applied": String(progress.total), "answered": String(progress.answered)])
    // The fingerprint follows in the same cell, so that a spreadsheet of the plan can be checked
    // with `igloo verify` and the plan's rows stay the file's rows but one.
    let footer = [depth + " " + ReportBuilder.fingerprintLine(assessment.session, w)] + Array(repeating: "", count: header.count - 1)
    // A workshop group's plan names the group in a first column, so that plans from several
    // groups can be put together; an ordinary plan has no such column.
    let group = assessment.session.about.group
    let table =
      group.isEmpty
      ? [header] + rows + [footer] : [[w("meta.group")] + header] + (rows + [footer]).map { [group] + $0 }
    return "\u{FEFF}" + table.map(RFC4180.record).joined()
  }

  /// `--part questions`: every question to management with its record, open ones numbered as in
  /// the letter; the fingerprint last.
  static func questions(_ a: Assessment, _ w: Wording) -> String {
    let header = [
      w("letter.number"), w("letter.question"), w("letter.whom"), w("letter.basis-column"), w("letter.due-column"),
      w("letter.asked-by"), w("letter.status"), w("letter.answer"), w("letter.answer-date"), w("letter.raised-column"),
      w("letter.source-column"),
    ]
    var number = 0
    let rows = a.managementQuestions.map { q -> [String] in
      var n = ""
      if q.record.status == .open {
        number += 1
        n = String(number)
      }
      return [
        n, q.question.text[w.language], w("mq.ask." + q.question.ask.rawValue), ReportBuilder.basis(q, w) ?? "",
        q.record.due, q.record.askedBy, w("mq.status." + q.record.status.rawValue), q.record.answer?.gist ?? "",
        q.record.answer?.date ?? "", ReportBuilder.raisedBy(q, w) ?? "", w.source(q.question.source),
      ]
    }
    let fingerprint = [ReportBuilder.fingerprintLine(a.session, w)] + Array(repeating: "", count: header.count - 1)
    return "\u{FEFF}" + ([header] + rows + [fingerprint]).map(RFC4180.record).joined()
  }

  /// `--part agenda`: the items and their minutes, and the total.
  static func agenda(_ a: Assessment, _ language: Language, minutes: Int) -> String {
    let r = ReportContext(a, language)
    let w = r.w
    let items = ReportBuilder.agendaItems(r)
    let times = ReportBuilder.shareOut(minutes, weights: items.map(\.weight))
    let rows = items.enumerated().map { n, item in
      [String(n + 1), item.title, String(times[n]), item.lines.joined(separator: "\n")]
    }
    let header = [w("letter.number"), w("agenda.item"), w("agenda.minutes"), ""]
    let total = ["", w("agenda.total"), String(times.reduce(0, +)), ""]
    let fingerprint = [ReportBuilder.fingerprintLine(a.session, w), "", "", ""]
    return "\u{FEFF}" + ([header] + rows + [total, fingerprint]).map(RFC4180.record).joined()
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

  /// The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
  /// Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// A field made safe and quoted as RFC 4180 needs.
  ///
  /// First the text is made safe: control characters are shown escaped (``SafeText``), and a
  /// cell that a spreadsheet would run as a formula gets a leading `'`, as OWASP advises, so that
  /// `=HYPERLINK(…)` typed in a plan is shown as text. Then it is quoted when it holds a comma,
  /// quote, line break or leading or trailing space (which some readers trim), with embedded quotes
  /// doubled.
  static func field(_ raw: String) -> String {
    var text = SafeText.visible(raw)
    // The first character that will be written, after SafeText: a NUL it drops must not hide a
    // `=` behind it from the guard.
    if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
    // Code units, not characters: a reader sees the quote of a quote and a combining mark.
    let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }
      || text.contains { $0.isNewline } || text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ")
    guard needsQuotes else { return text }
    return "\"" + text.replacing(ascii: UInt8(ascii: "\""), with: "\"\"") + "\""
  }
}
