import Foundation
import IglooContent
import IglooEngine

extension MarkdownReport {
  /// The action plan (APV element 3): decided and suggested actions in priority order, each with
  /// the reasons it is there, then how to carry them out, then the rejected suggestions.
  static func actionPlan(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    doc.heading(2, w("plan.heading"))
    doc.paragraph(w("plan.intro"))
    if r.assessment.individualWarning {
      doc.labelled(w("plan.individual-warning.label"), w("plan.individual-warning.text"))
    }
    let rows = PlanRow.plan(r.assessment, w)
    let active = rows.filter { $0.rank != nil }
    let rejected = rows.filter { $0.rank == nil }
    if active.isEmpty {
      doc.paragraph(w("plan.none"))
    } else {
      doc.table(
        planHeader(w),
        active.map { row in
          [
            row.rank.map(String.init) ?? "", row.title, w.level(row.level), row.responsibleText(w),
            dash(row.deadline), dash(row.followUp), dash(row.evaluation), w.status(row.status),
            row.reasons.joined(separator: "; "),
          ]
        }, align: [.right])
      doc.heading(3, w("plan.how.heading"))
      doc.rawNumbered(
        active.map { row in
          var text =
            Markdown.strong(w("plan.how.title", ["title": row.title])) + " "
            + Markdown.fragment(row.how.isEmpty ? w("plan.how.none") : row.how)
          if !row.source.isEmpty { text += " " + Markdown.fragment(w("plan.how.source", ["source": row.source])) }
          if row.action?.derived == true { text += " " + Markdown.fragment(w("plan.how.derived")) }
          return text
        })
    }
    if !rejected.isEmpty {
      doc.heading(3, w("plan.rejected.heading"))
      doc.paragraph(w("plan.rejected.intro"))
      doc.table(
        [w("plan.what"), w("plan.level"), w("plan.reasons")],
        rejected.map { [$0.title, w.level($0.level), $0.reasons.joined(separator: "; ")] })
    }
  }

  /// The action plan table's header, which tests and readers rely on.
  static func planHeader(_ w: Wording) -> [String] {
    [
      w("plan.rank"), w("plan.what"), w("plan.level"), w("plan.responsible"), w("plan.deadline"), w("plan.follow-up"),
      w("plan.evaluation"), w("plan.status"), w("plan.reasons"),
    ]
  }

  /// A dash for an empty cell, so a missing deadline reads as missing rather than forgotten.
  static func dash(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "–" : text
  }
}
