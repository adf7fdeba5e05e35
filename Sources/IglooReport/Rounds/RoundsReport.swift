import Foundation
import IglooContent
import IglooEngine

/// The formats the follow-up verbs (`compare`, `compare --groups`, `aggregate`) write.
public enum RoundsFormat: String, Sendable, Hashable, CaseIterable {
  /// Markdown, for the screen, the minutes and pandoc.
  case markdown = "md"
  /// A Word document, for the projector, the course folder and print.
  case docx

  /// The file name extension.
  public var fileExtension: String { rawValue }
}

/// The follow-up verbs' output as bytes in a chosen format, from the same documents as
/// ``RoundsMarkdown``: the Markdown and the Word file always hold the same tables and texts.
public enum RoundsReport {
  /// What changed between two rounds. The footer names the later round's workplace and date.
  public static func comparison(_ c: RoundComparison, language: Language, format: RoundsFormat) -> Data {
    let w = Wording(pack: c.new.pack, language: language)
    let doc = RoundsMarkdown.comparisonDocument(c, language: language)
    let about = c.new.session.about
    return render(doc, format, title: w("rounds.compare.title"), footer: footer(about.workplace, about.date, w), w)
  }

  /// Workshop groups side by side. The footer names the case (or the first group's workplace)
  /// and the first group's date, so printed pages from two workshops are not mixed up.
  public static func groups(
    _ g: GroupComparison, pack: ContentPack, language: Language, facilitatorCase: TrainingCase? = nil, format: RoundsFormat
  ) -> Data {
    let w = Wording(pack: pack, language: language)
    let doc = RoundsMarkdown.groupsDocument(g, pack: pack, language: language, facilitatorCase: facilitatorCase)
    let first = g.groups.first?.session
    let caseTitle = first.flatMap { pack.trainingCase(of: $0) }?.title[language]
    let lead = caseTitle ?? first?.about.workplace ?? ""
    return render(doc, format, title: w("rounds.groups.title"), footer: footer(lead, first?.about.date ?? "", w), w)
  }

  /// The anonymous roll-up of many sessions.
  public static func aggregation(_ a: Aggregation, pack: ContentPack, language: Language, format: RoundsFormat) -> Data {
    let w = Wording(pack: pack, language: language)
    let doc = RoundsMarkdown.aggregationDocument(a, pack: pack, language: language)
    return render(doc, format, title: w("rounds.aggregate.title"), footer: w("rounds.aggregate.title"), w)
  }

  private static func footer(_ lead: String, _ date: String, _ w: Wording) -> String {
    let lead = lead.trimmed(newlines: true)
    return [lead.isEmpty ? w("title") : lead, w.orNotGiven(date)].joined(separator: " · ")
  }

  private static func render(_ doc: ReportDocument, _ format: RoundsFormat, title: String, footer: String, _ w: Wording) -> Data {
    switch format {
    case .markdown: Data(MarkdownRenderer.render(doc).utf8)
    case .docx: DocxReport.render(doc, title: title, footer: footer, wording: w)
    }
  }
}
