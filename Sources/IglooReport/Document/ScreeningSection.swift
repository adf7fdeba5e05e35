import IglooContent
import IglooEngine

// The quick scan in the report. Kept apart from the summary and the findings so that their
// layout can change without touching it: the renderers call these small pieces.
extension ReportBuilder {
  /// The metadata row that says how deep the assessment went, and how many statements applied and were answered.
  static func depthRow(_ r: ReportContext) -> [String] {
    let w = r.w
    let progress = r.session.progress(r.pack)
    let depth = r.assessment.depthDone
    let values = ["applied": String(progress.total), "answered": String(progress.answered)].merging(depth.counts) { $1 }
    let key = depth.key(quick: "meta.depth.quick", deepened: "meta.depth.deepened", full: "meta.depth.full")
    return [w("meta.depth"), w(key, values)]
  }

  /// The word after a finding's heading that says whether it was screened or assessed in full;
  /// empty for an ordinary full assessment, where every finding is assessed in full.
  static func assessedSuffix(_ result: FindingResult, _ r: ReportContext) -> String {
    guard r.session.depth == .quick || result.assessed == .screened else { return "" }
    // Not yet answered: named by what it will be, assessed in full once deepened, screened otherwise.
    let full = result.assessed == .full || (result.assessed == .none && result.askedInFull)
    return " " + r.w(full ? "finding.assessed.full" : "finding.assessed.screened")
  }

  /// The screening line of a finding, when it has a screening figure; never called a residual risk.
  static func screeningLine(_ result: FindingResult, _ r: ReportContext) -> [ReportDocument.Run]? {
    guard let s = result.screening else { return nil }
    let w = r.w
    let counts = w("scale.answered", ["answered": String(s.scale.answered), "items": String(s.scale.items)])
    return [
      .bold(w("finding.screening", ["score": w.scored(s.value, s.band)])),
      .plain(" " + w(s.opportunity ? "finding.screening.note-opportunity" : "finding.screening.note", ["counts": counts])),
    ]
  }

  /// The screenings of a quick scan, strongest first: where does it hurt?
  static func screenings(_ r: ReportContext, _ doc: inout ReportDocument) {
    let screened = r.assessment.screenedFindings
    guard r.session.depth == .quick || !screened.isEmpty else { return }
    let w = r.w
    doc.heading(3, w("screenings.heading"))
    doc.paragraph(w("screenings.intro"))
    if screened.isEmpty {
      doc.paragraph(w("screenings.none"))
      return
    }
    doc.table(
      [w("screenings.finding"), w("screenings.level"), w("screenings.screening"), w("screenings.source")],
      screened.map { f in
        [f.finding.shortTitle[r.language], w.level(f.finding.level), w.scored(f.screening?.value, f.screening?.band), f.finding.source]
      },
      widths: [5.5, 3.0, 3.0, 5.5], align: [.left, .left, .right, .left])
  }
}
