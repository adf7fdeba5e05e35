import IglooContent
import IglooEngine

/// Markdown for the follow-up verbs: comparing two rounds and rolling up many sessions.
public enum RoundsMarkdown {
  /// What changed between two rounds, per level and per finding.
  public static func comparison(_ c: RoundComparison, language: Language) -> String {
    let w = Wording(pack: c.new.pack, language: language)
    var doc = MarkdownDocument()
    doc.heading(1, w("rounds.compare.title"))
    doc.table(
      [w("rounds.round"), w("rounds.workplace"), w("rounds.date")],
      [
        [w("rounds.old"), w.orNotGiven(c.old.session.about.workplace), w.orNotGiven(c.old.session.about.date)],
        [w("rounds.new"), w.orNotGiven(c.new.session.about.workplace), w.orNotGiven(c.new.session.about.date)],
      ])
    doc.heading(2, w("rounds.compare.levels"))
    doc.table(
      [w("rounds.level"), w("rounds.risk-old"), w("rounds.risk-new"), w("rounds.change"), w("rounds.opportunity-old"), w("rounds.opportunity-new")],
      zip(c.levelRisk, c.levelOpportunity).map { risk, opportunity in
        [w.level(risk.id), figure(risk.old, risk.oldBand, w), figure(risk.new, risk.newBand, w), delta(risk.delta),
         figure(opportunity.old, opportunity.oldBand, w), figure(opportunity.new, opportunity.newBand, w)]
      },
      align: [.left, .right, .right, .right, .right, .right])
    doc.heading(2, w("rounds.compare.findings"))
    if c.findingRisk.isEmpty && c.findingOpportunity.isEmpty {
      doc.paragraph(w("rounds.none"))
    } else {
      let rows = c.findingRisk.map { ch in
        [w.finding(ch.id), w("rounds.kind.risk"), figure(ch.old, ch.oldBand, w), figure(ch.new, ch.newBand, w), delta(ch.delta)]
      } + c.findingOpportunity.map { ch in
        [w.finding(ch.id), w("rounds.kind.opportunity"), figure(ch.old, ch.oldBand, w), figure(ch.new, ch.newBand, w), delta(ch.delta)]
      }
      doc.table(
        [w("rounds.finding"), w("rounds.kind"), w("rounds.old"), w("rounds.new"), w("rounds.change")], rows,
        align: [.left, .left, .right, .right, .right])
    }
    doc.heading(2, w("rounds.compare.actions"))
    doc.labelled(w("rounds.new-actions"), list(c.newActions, c.new.pack, w))
    doc.labelled(w("rounds.resolved-actions"), list(c.resolvedActions, c.new.pack, w))
    let done = c.doneActions.map { item in
      item.title.isEmpty ? (item.action.flatMap { c.new.pack.action($0)?.title[w.language] } ?? "") : item.title
    }
    doc.labelled(w("rounds.done-actions"), done.isEmpty ? w("rounds.none") : done.joined(separator: "; "))
    return doc.text
  }

  /// The spread of the profile over many sessions and the most common actions.
  public static func aggregation(_ a: Aggregation, pack: ContentPack, language: Language) -> String {
    let w = Wording(pack: pack, language: language)
    var doc = MarkdownDocument()
    doc.heading(1, w("rounds.aggregate.title"))
    doc.paragraph(w("rounds.aggregate.count", ["count": String(a.sessions)]))
    for (title, rows) in [(w("rounds.aggregate.risk"), a.risk), (w("rounds.aggregate.opportunity"), a.opportunity)] {
      doc.heading(2, title)
      doc.table(
        [w("rounds.level"), w("rounds.sessions"), w("rounds.min"), w("rounds.median"), w("rounds.max")],
        rows.map { d in
          [w.level(d.id), String(d.count), number(d.min), number(d.median), number(d.max)]
        },
        align: [.left, .right, .right, .right, .right])
    }
    doc.heading(2, w("rounds.aggregate.actions"))
    if a.actions.isEmpty {
      doc.paragraph(w("rounds.none"))
    } else {
      doc.table(
        [w("rounds.action"), w("rounds.suggested"), w("rounds.planned")],
        a.actions.map { [pack.action($0.action)?.title[language] ?? $0.action, String($0.suggested), String($0.planned)] },
        align: [.left, .right, .right])
    }
    return doc.text
  }

  private static func figure(_ value: Double?, _ band: Band?, _ w: Wording) -> String {
    guard let value else { return "–" }
    return Numbers.whole(value) + (band.map { " (" + w.band($0) + ")" } ?? "")
  }

  private static func number(_ value: Double?) -> String { value.map(Numbers.whole) ?? "–" }

  private static func delta(_ value: Double?) -> String {
    guard let value else { return "–" }
    let rounded = Int(value.rounded())
    return rounded > 0 ? "+\(rounded)" : String(rounded)
  }

  private static func list(_ ids: [String], _ pack: ContentPack, _ w: Wording) -> String {
    ids.isEmpty ? w("rounds.none") : ids.map { pack.action($0)?.title[w.language] ?? $0 }.joined(separator: "; ")
  }
}
