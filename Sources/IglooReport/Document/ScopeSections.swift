import Foundation
import IglooContent
import IglooEngine

extension ReportBuilder {
  /// The use cases in scope with their notes, and the survey figures beside them.
  static func scopeDetails(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    guard let scope = r.session.scope, !scope.isEmpty else { return }
    doc.heading(2, w("scope.heading"))
    doc.bullets(
      scope.map { item -> [ReportDocument.Run] in
        let technologies = (r.pack.useCase(item.useCase)?.technologies ?? []).map(w.technology).joined(separator: ", ")
        var text = w("scope.item", ["stage": w.stage(item.stage), "technologies": technologies])
        if !item.note.trimmed(newlines: true).isEmpty {
          text += " " + w("scope.item.note", ["note": item.note])
        }
        return ReportDocument.item(w.useCase(item.useCase) + ":", text)
      })
    let benchmarks = scope.compactMap { item -> String? in
      guard let useCase = r.pack.useCase(item.useCase), let id = useCase.benchmark, let b = r.pack.benchmark(id) else {
        return nil
      }
      return w(
        "scope.benchmark.line",
        [
          "use_case": useCase.name[r.language], "value": benchmarkValue(b, w), "base": b.base[r.language],
          "label": b.label[r.language], "source": w.source(b.source),
        ])
    }
    if !benchmarks.isEmpty {
      // Outside industry the figures are context about industry, never a comparison.
      doc.paragraph(w(SurveyComparison.applies(to: r.session.about) ? "scope.benchmark.intro" : "scope.benchmark.industry-intro"))
      doc.bullets(benchmarks)
    }
  }

  /// The profile per technology and overall, and the realised opportunity the summary leaves out.
  static func profileDetails(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("summary.technologies.heading"))
    let rows = r.assessment.technologies.map { ($0, w.technology($0.id)) } + [(r.assessment.overall, w("profile.overall"))]
    doc.table(
      profileHeader(w, first: w("profile.technology")), rows.map { profileRow($0.0, $0.1, r) },
      widths: profileWidths, align: [.left, .left, .left, .left, .right])
    contestedLine(r, &doc)
    let levels = r.assessment.levels.map { ($0, w.level($0.id)) }
    doc.labelled(w("profile.realised.intro"), (levels + rows).map { realised($0.0, $0.1, r) }.joined(separator: "; ") + ".")
  }

  /// A survey figure as a percentage in the report's language (`40 %` in Danish, `40%` in English).
  static func benchmarkValue(_ b: Benchmark, _ w: Wording) -> String {
    w("percent", ["value": Numbers.exact(b.value, w.language)])
  }
}
