import Foundation
import IglooContent
import IglooEngine

extension ReportBuilder {
  /// The action plan in detail (APV element 3): for each action, why it is there, how to carry
  /// it out, its follow-up and source; then the rejected suggestions.
  static func planDetails(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("plan.details.heading"))
    doc.paragraph(w("plan.intro"))
    let rows = r.plan
    let active = rows.filter { $0.rank != nil }
    let inPlace = rows.filter { $0.status == .inPlace }
    let rejected = rows.filter { $0.status == .rejected }
    if active.isEmpty { doc.paragraph(w("plan.none")) }
    for row in active {
      let title = row.ownTitle && !row.isOwn ? w("plan.own-title", ["title": row.title]) : row.title
      doc.heading(3, row.rank.map { w("plan.numbered", ["rank": String($0), "title": title]) } ?? title)
      doc.bullets(details(row, r))
    }
    // The workplace's existing measures, apart from the new actions: not ranked, not to be done.
    if !inPlace.isEmpty {
      doc.heading(3, w("plan.in-place.heading"))
      doc.paragraph(w("plan.in-place.intro"))
      doc.bullets(
        inPlace.map { row in
          ReportDocument.item(row.title, w.level(row.level) + " · " + dash(row.responsible) + " · " + row.howText(w))
        })
    }
    if !rejected.isEmpty {
      doc.heading(3, w("plan.rejected.heading"))
      doc.paragraph(w("plan.rejected.intro"))
      doc.bullets(
        rejected.map { row in
          ReportDocument.item(row.title, w("plan.rejected.item", ["level": w.level(row.level), "reasons": row.reasons.joined(separator: "; ")]))
        })
    }
  }

  /// The facts of one action that do not fit a table column: level, why, how, follow-up, source.
  static func details(_ row: PlanRow, _ r: ReportContext) -> [[ReportDocument.Run]] {
    let w = r.w
    func label(_ key: String) -> String { w("label", ["label": w(key)]) }
    var items: [[ReportDocument.Run]] = [
      ReportDocument.item(label("plan.reasons"), row.reasons.joined(separator: "; ")),
      // The content's text with its source, or the users' own text marked as theirs (never with
      // the report's source after it).
      ReportDocument.item(label("plan.how"), row.howText(w)),
    ]
    if !row.followUp.trimmed(newlines: false).isEmpty {
      items.append(ReportDocument.item(label("plan.follow-up"), row.followUp))
    }
    if !row.evaluation.trimmed(newlines: false).isEmpty {
      items.append(ReportDocument.item(label("plan.evaluation"), row.evaluation))
    }
    var facts = w("plan.details.level", ["level": w.level(row.level)])
    // The source stands with the content's text in `howText`; only an action without text names it here.
    if !row.source.isEmpty && row.how.trimmed(newlines: false).isEmpty {
      facts += " · " + w("plan.details.source", ["source": w.source(row.source)])
    }
    items.append([.plain(facts)])
    return items
  }
}
