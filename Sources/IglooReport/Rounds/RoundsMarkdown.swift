import IglooContent
import IglooEngine

/// Markdown for the follow-up verbs: comparing two rounds, workshop groups side by side, and
/// rolling up many sessions. Each is built once as a ``ReportDocument``; ``RoundsReport`` renders
/// the same documents as Word.
public enum RoundsMarkdown {
  /// What changed between two rounds, per level and per finding.
  public static func comparison(_ c: RoundComparison, language: Language) -> String {
    MarkdownRenderer.render(comparisonDocument(c, language: language))
  }

  /// The spread of the profile over many sessions (see ``aggregationDocument(_:pack:language:)``).
  public static func aggregation(_ a: Aggregation, pack: ContentPack, language: Language) -> String {
    MarkdownRenderer.render(aggregationDocument(a, pack: pack, language: language))
  }

  /// Workshop groups side by side for the plenary (see ``groupsDocument(_:pack:language:facilitatorCase:)``).
  public static func groups(_ g: GroupComparison, pack: ContentPack, language: Language, facilitatorCase: TrainingCase? = nil) -> String {
    MarkdownRenderer.render(groupsDocument(g, pack: pack, language: language, facilitatorCase: facilitatorCase))
  }

  /// What changed between two rounds, per level and per finding.
  static func comparisonDocument(_ c: RoundComparison, language: Language) -> ReportDocument {
    let w = Wording(pack: c.new.pack, language: language)
    var doc = ReportDocument()
    doc.heading(1, w("rounds.compare.title"))
    doc.table(
      [w("rounds.round"), w("rounds.workplace"), w("rounds.date")],
      [
        [w("rounds.old"), w.orNotGiven(c.old.session.about.workplace), w.orNotGiven(c.old.session.about.date)],
        [w("rounds.new"), w.orNotGiven(c.new.session.about.workplace), w.orNotGiven(c.new.session.about.date)],
      ])
    // Quick scans are compared by their screenings first; the residual-risk table follows where a
    // round has figures for it, so a follow-up never looks at a table of dashes.
    if c.screens {
      doc.heading(2, w("rounds.level-screening"))
      doc.paragraph(w("screenings.intro"))
      doc.table(
        [w("rounds.level"), w("rounds.screening-old"), w("rounds.screening-new"), w("rounds.change")],
        c.levelScreening.map { s in [w.level(s.id), figure(s.old, s.oldBand, w), figure(s.new, s.newBand, w), delta(s.old, s.new)] },
        align: [.left, .right, .right, .right])
      doc.heading(2, w("rounds.finding-screening.compare"))
      if c.findingScreening.isEmpty {
        doc.paragraph(w("rounds.none"))
      } else {
        doc.table(
          [w("rounds.finding"), w("rounds.screening-old"), w("rounds.screening-new"), w("rounds.change")],
          c.findingScreening.map { s in
            [screenedName(s.id, c.new.pack, w), figure(s.old, s.oldBand, w), figure(s.new, s.newBand, w), delta(s.old, s.new)]
          },
          align: [.left, .right, .right, .right])
      }
    }
    if !c.screens || c.scoresLevels {
      levelsAndFindings(c, &doc, w)
    }
    doc.heading(2, w("rounds.compare.actions"))
    doc.labelled(w("rounds.new-actions"), list(c.newActions, c.new.pack, w))
    doc.labelled(w("rounds.resolved-actions"), list(c.resolvedActions, c.new.pack, w))
    let done = c.doneActions.map { item in
      item.title.isEmpty ? (item.action.flatMap { c.new.pack.action($0)?.title[w.language] } ?? "") : item.title
    }
    doc.labelled(w("rounds.done-actions"), done.isEmpty ? w("rounds.none") : done.joined(separator: "; "))
    questionsFollowUp(c, &doc, w)
    return doc
  }

  /// Each question to management of the earlier round: answered or not, and an answered one whose
  /// statement is still "ved ikke" pointed out.
  static func questionsFollowUp(_ c: RoundComparison, _ doc: inout ReportDocument, _ w: Wording) {
    let questions = c.questions
    doc.heading(2, w("rounds.questions.heading"))
    guard !questions.isEmpty else {
      doc.paragraph(w("rounds.none"))
      return
    }
    let answered = questions.filter { $0.record.status == .answered }.count
    doc.paragraph(w("rounds.questions.count", ["answered": String(answered), "count": String(questions.count)]))
    doc.table(
      [w("letter.question"), w("letter.status"), w("letter.answer"), w("rounds.questions.note")],
      questions.map { q in
        let status = w("mq.status." + q.record.status.rawValue)
        let answer = q.record.answer.map { a in a.date.isEmpty ? a.gist : "\(a.gist) (\(a.date))" } ?? ""
        let note = q.answeredButStillUnknown ? w("rounds.questions.still-unknown", ["count": String(q.stillUnknown.count)]) : ""
        return [q.previous.question.text[w.language], status, answer, note]
      },
      widths: [7.0, 2.5, 4.5, 3.0])
  }

  /// The residual risk and untapped opportunity per level, then per finding, before and after.
  private static func levelsAndFindings(_ c: RoundComparison, _ doc: inout ReportDocument, _ w: Wording) {
    doc.heading(2, w("rounds.compare.levels"))
    doc.table(
      [w("rounds.level"), w("rounds.risk-old"), w("rounds.risk-new"), w("rounds.change"), w("rounds.opportunity-old"), w("rounds.opportunity-new")],
      zip(c.levelRisk, c.levelOpportunity).map { risk, opportunity in
        [w.level(risk.id), figure(risk.old, risk.oldBand, w), figure(risk.new, risk.newBand, w), delta(risk.old, risk.new),
         figure(opportunity.old, opportunity.oldBand, w), figure(opportunity.new, opportunity.newBand, w)]
      },
      align: [.left, .right, .right, .right, .right, .right])
    doc.heading(2, w("rounds.compare.findings"))
    if c.findingRisk.isEmpty && c.findingOpportunity.isEmpty {
      doc.paragraph(w("rounds.none"))
    } else {
      let rows = c.findingRisk.map { ch in
        [w.finding(ch.id), w("rounds.kind.risk"), figure(ch.old, ch.oldBand, w), figure(ch.new, ch.newBand, w), delta(ch.old, ch.new)]
      } + c.findingOpportunity.map { ch in
        [w.finding(ch.id), w("rounds.kind.opportunity"), figure(ch.old, ch.oldBand, w), figure(ch.new, ch.newBand, w), delta(ch.old, ch.new)]
      }
      doc.table(
        [w("rounds.finding"), w("rounds.kind"), w("rounds.old"), w("rounds.new"), w("rounds.change")], rows,
        align: [.left, .left, .right, .right, .right])
    }
  }

  /// The spread of the profile over many sessions, the most common actions, and the sessions by
  /// sector and size; every figure resting on fewer sessions than the threshold is marked as
  /// suppressed instead of shown.
  static func aggregationDocument(_ a: Aggregation, pack: ContentPack, language: Language) -> ReportDocument {
    let w = Wording(pack: pack, language: language)
    let hidden = w("rounds.aggregate.suppressed", ["min": String(a.threshold)])
    var doc = ReportDocument()
    doc.heading(1, w("rounds.aggregate.title"))
    doc.paragraph(w("rounds.aggregate.count", ["count": String(a.sessions)]))
    // A roll-up of residual risks says nothing of a quick scan's screenings: the reader is told,
    // so that levels hidden for want of figures are not read as few sessions.
    if a.quickScans > 0 { doc.paragraph(w("rounds.aggregate.quick", ["n": String(a.quickScans)])) }
    doc.paragraph(w("rounds.aggregate.threshold", ["min": String(a.threshold)]))
    func row(_ label: String, _ d: Aggregation.Distribution) -> [String] {
      d.suppressed ? [label, hidden, "–", "–", "–"] : [label, String(d.count), number(d.min), number(d.median), number(d.max)]
    }
    for (title, rows) in [(w("rounds.aggregate.risk"), a.risk), (w("rounds.aggregate.opportunity"), a.opportunity)] {
      doc.heading(2, title)
      doc.table(
        [w("rounds.level"), w("rounds.sessions"), w("rounds.min"), w("rounds.median"), w("rounds.max")],
        rows.map { row(w.level($0.id), $0) },
        align: [.left, .right, .right, .right, .right])
    }
    doc.heading(2, w("rounds.aggregate.actions"))
    if a.actions.isEmpty {
      doc.paragraph(w("rounds.none"))
    } else {
      doc.table(
        [w("rounds.action"), w("rounds.suggested"), w("rounds.planned")],
        a.actions.map { [pack.action($0.action)?.title[language] ?? $0.action, $0.suggested.map(String.init) ?? hidden, $0.planned.map(String.init) ?? hidden] },
        align: [.left, .right, .right])
    }
    for (title, first, groups, name) in [
      (w("rounds.aggregate.by-sector"), w("rounds.sector"), a.bySector, { (id: String) in w.sector(id) }),
      (w("rounds.aggregate.by-size"), w("rounds.size"), a.bySize, { (id: String) in w("rounds.size." + id) }),
    ] {
      doc.heading(2, title)
      if groups.isEmpty {
        doc.paragraph(w("rounds.none"))
        continue
      }
      doc.table(
        [first, w("rounds.sessions"), w("rounds.aggregate.overall-risk"), w("rounds.aggregate.overall-opportunity")],
        groups.map { g in
          g.suppressed
            ? [name(g.id), hidden, "–", "–"]
            : [name(g.id), String(g.sessions), number(g.risk.median), number(g.opportunity.median)]
        },
        align: [.left, .right, .right, .right])
    }
    return doc
  }

  /// Workshop groups side by side for the plenary: per level and per finding one column per group
  /// and the spread, findings with the largest spread first, then the statements the groups
  /// answered most differently. With `facilitatorCase`, the case's facilitator's note ends it.
  ///
  /// Tables have at most five columns (the report's rule for narrow tables): the row's name, up to
  /// three groups and the spread. With more groups a table is split into several with three
  /// groups each, every one ending with the spread over *all* groups. Transposing (a row per
  /// group) was not chosen: it would need a column per finding, which is wider still.
  static func groupsDocument(_ g: GroupComparison, pack: ContentPack, language: Language, facilitatorCase: TrainingCase? = nil) -> ReportDocument {
    let w = Wording(pack: pack, language: language)
    var doc = ReportDocument()
    doc.heading(1, w("rounds.groups.title"))
    doc.paragraph(w("rounds.groups.intro", ["count": String(g.groups.count)]))
    doc.table(
      [w("rounds.group"), w("rounds.workplace"), w("rounds.date"), w("rounds.groups.answered")],
      zip(g.names, g.groups).map { name, a in
        let answered = a.levels.reduce(0) { $0 + $1.answered }, total = a.levels.reduce(0) { $0 + $1.questions }
        return [name, w.orNotGiven(a.session.about.workplace), w.orNotGiven(a.session.about.date), "\(answered)/\(total)"]
      },
      align: [.left, .left, .left, .right])
    let chunks = stride(from: 0, to: g.names.count, by: groupsPerTable).map { Array($0..<min($0 + groupsPerTable, g.names.count)) }
    func tables(_ first: String, _ rows: [GroupComparison.Row], name: (String) -> String) {
      if rows.isEmpty {
        doc.paragraph(w("rounds.none"))
        return
      }
      for (n, chunk) in chunks.enumerated() {
        if chunks.count > 1 {
          doc.paragraph(w("rounds.groups.part", ["part": String(n + 1), "parts": String(chunks.count)]))
        }
        doc.table(
          [first] + chunk.map { g.names[$0] } + [w("rounds.groups.spread")],
          rows.map { row in
            [name(row.id)] + chunk.map { figure(row.values[$0].map(Double.init), row.bands[$0], w) } + [row.spread.map(String.init) ?? "–"]
          },
          // The names are the long cells; the figures ("25 (moderat)") fit in 2.8 cm.
          widths: [ReportDocument.textWidth - 2.8 * Double(chunk.count + 1)] + Array(repeating: 2.8, count: chunk.count + 1),
          align: [.left] + chunk.map { _ in .right } + [.right])
      }
    }
    let short = { (id: String) in pack.finding(id)?.shortTitle[language] ?? id }
    // Groups that did a quick scan are compared by their screenings first; the residual-risk
    // tables follow where some group has figures for them, so a plenary never looks at dashes.
    let scored = !(g.levelRisk + g.levelOpportunity).allSatisfy { $0.values.allSatisfy { $0 == nil } }
    if g.screens {
      doc.heading(2, w("rounds.level-screening"))
      doc.paragraph(w("screenings.intro"))
      tables(w("rounds.level"), g.levelScreening, name: w.level)
      doc.heading(2, w("rounds.finding-screening"))
      tables(w("rounds.finding"), g.findingScreening) { screenedName($0, pack, w) }
    }
    if !g.screens || scored {
      doc.heading(2, w("rounds.groups.level-risk"))
      tables(w("rounds.level"), g.levelRisk, name: w.level)
      doc.heading(2, w("rounds.groups.level-opportunity"))
      tables(w("rounds.level"), g.levelOpportunity, name: w.level)
      doc.heading(2, w("rounds.groups.finding-risk"))
      tables(w("rounds.finding"), g.findingRisk, name: short)
      doc.heading(2, w("rounds.groups.finding-opportunity"))
      tables(w("rounds.finding"), g.findingOpportunity, name: short)
    }

    doc.heading(2, w("rounds.groups.topics"))
    if g.statements.isEmpty {
      doc.paragraph(w("rounds.groups.no-topics"))
    } else {
      doc.paragraph(w("rounds.groups.topics.intro"))
      doc.numbered(g.statements.map { st in
        let answers = zip(g.names, st.answers).map { name, answer in
          name + ": " + answerText(answer, pack: pack, w: w)
        }.joined(separator: "; ")
        let finding = st.finding.map { " (" + short($0) + ")" } ?? ""
        return [.bold(w.question(st.question)), .plain(finding + " – " + answers)]
      })
    }
    if let c = facilitatorCase {
      doc.heading(2, w("rounds.groups.facilitator", ["case": c.title[language]]))
      doc.paragraph(c.facilitatorNote[language])
      doc.labelled(w("rounds.groups.builds-on"), c.buildsOn.joined(separator: "; "))
    }
    return doc
  }

  /// A screened finding by its short title; a pure opportunity's screening says how present the
  /// opportunity is, so it is named as one.
  private static func screenedName(_ id: String, _ pack: ContentPack, _ w: Wording) -> String {
    guard let finding = pack.finding(id) else { return id }
    let title = finding.shortTitle[w.language]
    return finding.polarity == .opportunity ? w("rounds.groups.screened-opportunity", ["finding": title]) : title
  }

  /// Groups per table in the plenary comparison: with the name and the spread, five columns.
  static let groupsPerTable = 3

  private static func answerText(_ answer: EffectiveAnswer?, pack: ContentPack, w: Wording) -> String {
    guard let answer else { return w("rounds.groups.no-answer") }
    if answer.dontKnow { return w("rounds.groups.dont-know") }
    guard let score = answer.score else { return w("rounds.groups.not-relevant") }
    if let point = pack.info.scale.first(where: { Double($0.value) == score }) { return point.label[w.language] }
    return Numbers.whole(score)
  }

  private static func figure(_ value: Double?, _ band: Band?, _ w: Wording) -> String {
    guard let value else { return "–" }
    return Numbers.whole(value) + (band.map { " (" + w.band($0) + ")" } ?? "")
  }

  private static func number(_ value: Double?) -> String { value.map(Numbers.whole) ?? "–" }

  /// The change between two figures as printed: the whole numbers shown, so that the column
  /// always equals "now" minus "before" as a reader works it out (not the unrounded difference).
  private static func delta(_ old: Double?, _ new: Double?) -> String {
    guard let old, let new else { return "–" }
    let change = whole(new) - whole(old)
    return change > 0 ? "+\(change)" : String(change)
  }

  private static func whole(_ value: Double) -> Int { Int(Numbers.whole(value)) ?? 0 }

  private static func list(_ ids: [String], _ pack: ContentPack, _ w: Wording) -> String {
    ids.isEmpty ? w("rounds.none") : ids.map { pack.action($0)?.title[w.language] ?? $0 }.joined(separator: "; ")
  }
}
