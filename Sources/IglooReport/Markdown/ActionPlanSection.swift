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
    let inPlace = rows.filter { $0.status == .inPlace }
    let rejected = rows.filter { $0.status == .rejected }
    if active.isEmpty {
      doc.paragraph(w("plan.none"))
    } else {
      doc.table(
        planHeader(w),
        active.map { row in
          [
            row.rank.map(String.init) ?? "", row.ownTitle && !row.isOwn ? w("plan.own-title", ["title": row.title]) : row.title,
            w.level(row.level), row.responsibleText(w),
            dash(row.deadline), dash(row.followUp), dash(row.evaluation), row.statusText(w),
            row.reasons.joined(separator: "; "),
          ]
        }, align: [.right])
      doc.heading(3, w("plan.how.heading"))
      doc.rawNumbered(
        active.map { row in
          Markdown.strong(w("plan.how.title", ["title": row.title])) + " " + Markdown.fragment(row.howText(w))
        })
    }
    if !inPlace.isEmpty {
      doc.heading(3, w("plan.in-place.heading"))
      doc.paragraph(w("plan.in-place.intro"))
      doc.table(
        [w("plan.what"), w("plan.level"), w("plan.responsible"), w("plan.how")],
        inPlace.map { row in
          [row.title, w.level(row.level), dash(row.responsible), row.howText(w)]
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
