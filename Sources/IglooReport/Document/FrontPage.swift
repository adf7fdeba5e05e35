import IglooContent
import IglooEngine

/// Page 1 of the summary: what a manager needs first. The conclusion in plain words, the legal
/// items that demand action with their certainty and date, and the three most important actions
/// with who and by when; the profile and the facts follow.
extension ReportBuilder {
  /// A finding's one figure on page 1: the deepest there is (residual risk, the exposure when the
  /// handling is unknown, or untapped opportunity where assessed in full; else its screening), with
  /// its kind in words.
  struct FindingFigure {
    /// The figure, 0–100.
    var value: Double
    /// Its band, under the thresholds of its kind.
    var band: Band?
    /// The figure with its kind in words, e.g. "restrisiko 18 (lav)" or "risiko screenet 75 (høj)".
    var text: String
    /// Whether it is a screening rather than a figure from the full statements.
    var screening: Bool
  }

  /// The figure `result` shows on page 1, or nil when it has none yet.
  static func figure(_ result: FindingResult, _ r: ReportContext) -> FindingFigure? {
    let w = r.w
    // The full statements' figure wins wherever it exists; a screening stands in only without one,
    // so a deepened finding never shows its screening beside its residual risk.
    if !result.hasFullFigure && !(result.handlingUnknown && result.askedInFull), let s = result.screening,
      let value = s.value
    {
      let text = w(s.opportunity ? "top.screening-opportunity" : "top.screening", ["score": w.scored(value, s.band)])
      return FindingFigure(value: value, band: s.band, text: text, screening: true)
    }
    if result.rankedBy == .risk, result.handlingUnknown, let e = result.priority {
      let band = result.priorityBand(r.pack.info.bands)
      return FindingFigure(value: e, band: band, text: w("top.handling-unknown", ["score": w.scored(e, band)]), screening: false)
    }
    if let risk = result.residualRisk {
      return FindingFigure(
        value: risk, band: result.riskBand, text: w("top.risk", ["score": w.scored(risk, result.riskBand)]), screening: false)
    }
    // A finding with a risk side is never shown by its opportunity side: a missing risk figure would hide.
    if result.rankedBy == .opportunity, let untapped = result.untapped {
      return FindingFigure(
        value: untapped, band: result.opportunityBand,
        text: w("top.opportunity", ["score": w.scored(untapped, result.opportunityBand)]), screening: false)
    }
    return nil
  }

  /// The findings page 1 speaks of: those that apply.
  static func applyingFindings(_ r: ReportContext) -> [FindingResult] {
    r.assessment.findings.filter(\.applies)
  }

  /// The conclusion in plain words, computed from the figures: the depth, how many findings read
  /// high or moderate, where the risk is highest, how many legal items demand action and what comes
  /// first in the plan.
  static func conclusion(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    var sentences: [String] = []
    let depth = r.assessment.depthDone
    sentences.append(
      w(depth.key(quick: "summary.depth.quick", deepened: "summary.depth.deepened", full: "summary.depth.full"), depth.counts))

    let findings = applyingFindings(r)
    let figures = findings.compactMap { figure($0, r) }
    if figures.isEmpty {
      sentences.append(w("summary.conclusion.no-figures", ["total": String(findings.count)]))
    } else {
      let high = figures.filter { $0.band == .high }.count
      let moderate = figures.filter { $0.band == .moderate }.count
      let without = findings.count - figures.count
      let key =
        without > 0
        ? "summary.conclusion.without"
        : figures.allSatisfy(\.screening) ? "summary.conclusion.findings.screened" : "summary.conclusion.findings"
      sentences.append(
        w(key, ["total": String(findings.count), "high": String(high), "moderate": String(moderate), "count": String(without)]))
      sentences.append(highestLevels(r))
    }

    let demanding = r.assessment.flags.filter { $0.severity < .information }
    if !demanding.isEmpty {
      let parts = FlagSeverity.allCases.compactMap { severity -> String? in
        let n = demanding.filter { $0.severity == severity }.count
        return n == 0 ? nil : w("summary.conclusion.severity", ["severity": w("severity." + severity.rawValue), "count": String(n)])
      }
      sentences.append(w("summary.conclusion.flags", ["count": String(demanding.count), "parts": parts.joined(separator: ", ")]))
    }
    if let first = r.plan.first(where: { $0.rank != nil }) {
      sentences.append(w("summary.conclusion.urgent", ["action": first.title]))
    }
    doc.labelled(w("summary.conclusion.label"), sentences.joined(separator: " "))
  }

  /// Where the risk is highest: the levels whose risk reads high on page 1, or else the strongest
  /// risk finding with its figure.
  static func highestLevels(_ r: ReportContext) -> String {
    let w = r.w
    let screeningTable = showsScreeningTable(r)
    let high = r.assessment.levels.compactMap { row -> String? in
      let a = screeningTable ? row.screening?.risk : row.risk
      guard let a, a.band == .high, let average = a.average else { return nil }
      return w("summary.conclusion.level", ["level": w.level(row.id), "score": Numbers.whole(average)])
    }
    if !high.isEmpty {
      let levels = high.count == 1 ? high[0] : high.dropLast().joined(separator: ", ") + w("summary.conclusion.and") + high[high.count - 1]
      return w(screeningTable ? "summary.conclusion.high-levels.screened" : "summary.conclusion.high-levels", ["levels": levels])
    }
    let strongest = applyingFindings(r).filter { $0.finding.polarity.hasRisk }
      .compactMap { f in figure(f, r).map { (f, $0) } }
      .enumerated().max { ($0.element.1.value, $1.offset) < ($1.element.1.value, $0.offset) }?.element
    guard let (finding, figure) = strongest else { return w("summary.conclusion.no-high-levels.no-risk") }
    return w(
      "summary.conclusion.no-high-levels",
      ["finding": finding.finding.shortTitle[r.language], "figure": figure.text])
  }

  /// Whether page 1's profile is the quick scan's screening table rather than the residual risk
  /// per level: a quick scan not deepened for every finding.
  static func showsScreeningTable(_ r: ReportContext) -> Bool {
    r.session.depth == .quick && r.assessment.depthDone != .full
  }

  /// The legal and context items that forbid or require something, first on page 1 after the
  /// conclusion: a ban as a ban, an open question as a question to settle, never as a verdict, and
  /// each duty with the day it applies from.
  static func legalItems(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("flags.summary.heading"))
    let demanding = r.assessment.flags.filter { $0.severity < .information }
      .enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    let others = r.assessment.flags.count - demanding.count
    if demanding.isEmpty {
      doc.paragraph(w("flags.summary.none", ["count": String(others)]))
      return
    }
    var bullets: [[ReportDocument.Run]] = []
    for flag in demanding {
      switch flag.severity {
      case .prohibited:
        doc.labelled(
          w("summary.prohibited.label"),
          w("summary.prohibited.text", ["title": flag.item.title[r.language], "source": w.source(flag.item.source)])
            + appliesFrom(flag, r))
      case .clarify:
        doc.labelled(
          w("summary.clarify.label"),
          w(
            "summary.clarify.text",
            ["question": flag.title(r.language), "use_cases": flag.useCases.map(w.useCase).joined(separator: ", ")]))
      default:
        bullets.append(
          ReportDocument.item(
            w("flags.summary.item", ["severity": w("severity." + flag.severity.rawValue), "title": flag.title(r.language)]),
            appliesFrom(flag, r).trimmed(newlines: false)))
      }
    }
    doc.bullets(bullets)
    doc.paragraph(w(others > 0 ? "flags.summary.more" : "flags.summary.sources", ["count": String(others)]))
  }

  /// " Gælder siden …" / " Gælder fra …": the day the item applies from, against the assessment's
  /// date where one is given; empty when the content states no day.
  static func appliesFrom(_ flag: Flag, _ r: ReportContext) -> String {
    guard let day = flag.item.appliesFrom else { return "" }
    let date = r.session.about.date.trimmed(newlines: true)
    // Days written YYYY-MM-DD order as text.
    let since = !date.isEmpty && day <= date
    return " " + r.w(since ? "flags.applies-since" : "flags.applies-from", ["date": day])
  }

  /// The three most important actions with who is responsible and by when, or what is missing.
  static func topActions(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let top = r.plan.filter { $0.rank != nil }.prefix(3)
    guard !top.isEmpty else { return }
    doc.heading(2, w("summary.actions.heading"))
    doc.numbered(
      top.map { row in
        let who: String
        if !row.responsible.trimmed(newlines: true).isEmpty {
          who = w("summary.actions.responsible", ["name": row.responsible])
        } else if let owner = row.suggestedOwner {
          who = w("summary.actions.no-responsible.suggested", ["role": w.role(owner)])
        } else {
          who = w("summary.actions.no-responsible")
        }
        let deadline =
          row.deadline.trimmed(newlines: true).isEmpty
          ? w("summary.actions.no-deadline") : w("summary.actions.deadline", ["date": row.deadline])
        return ReportDocument.item(
          row.title, w("summary.actions.detail", ["responsible": who, "deadline": deadline, "status": w.status(row.status)]))
      })
  }
}
