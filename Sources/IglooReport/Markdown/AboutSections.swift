import Foundation
import IglooContent
import IglooEngine

extension MarkdownReport {
  /// The title and the metadata table: who assessed what, when, and with which content.
  static func metadata(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    let about = r.session.about
    let workplace = about.workplace.trimmingCharacters(in: .whitespacesAndNewlines)
    doc.heading(1, workplace.isEmpty ? w("title") : w("title.workplace", ["workplace": workplace]))
    doc.paragraph(w("intro"))

    let sector = about.sector.isEmpty ? w("not-given") : w.sector(about.sector)
    let participants = about.participants.map { p in
      let name = p.name.trimmingCharacters(in: .whitespacesAndNewlines)
      return name.isEmpty ? w.role(p.role) : w("meta.participant", ["name": name, "role": w.role(p.role)])
    }
    let progress = r.session.progress(r.pack)
    let made = r.session.content
    var content = w("meta.content.value", ["id": r.pack.info.id, "version": r.pack.info.version])
    if !made.id.isEmpty && (made.id != r.pack.info.id || made.version != r.pack.info.version) {
      content += " " + w("meta.content.made-with", ["id": made.id, "version": made.version])
    }
    let rows: [[String]] = [
      [w("meta.workplace"), w.orNotGiven(about.workplace)],
      [w("meta.unit"), w.orNotGiven(about.unit)],
      [w("meta.sector"), sector],
      [w("meta.employees"), about.employees.map(String.init) ?? w("not-given")],
      [w("meta.amo"), w("amo." + AMOModel(employees: about.employees).rawValue)],
      [w("meta.date"), w.orNotGiven(about.date)],
      [w("meta.participants"), participants.isEmpty ? w("not-given") : participants.joined(separator: "; ")],
      [w("meta.voices"), r.session.voices.map { w.voice($0.id, in: r.session) }.joined(separator: "; ")],
      [w("meta.progress"), w("meta.progress.value", ["answered": String(progress.answered), "total": String(progress.total)])],
      depthRow(r),
      [w("meta.content"), content],
    ]
    doc.table([w("meta.field"), w("meta.value")], rows)
  }

  /// The use cases in scope, their stage and technologies, with the survey figures beside them.
  static func scope(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    doc.heading(2, w("scope.heading"))
    guard let scope = r.session.scope else {
      doc.paragraph(w("scope.none-recorded"))
      return
    }
    guard !scope.isEmpty else {
      doc.paragraph(w("scope.empty"))
      return
    }
    doc.paragraph(w("scope.intro"))
    let rows = scope.map { item -> [String] in
      let useCase = r.pack.useCase(item.useCase)
      return [
        w.useCase(item.useCase), w.stage(item.stage),
        (useCase?.technologies ?? []).map(w.technology).joined(separator: ", "),
        item.note,
        useCase?.benchmark.flatMap { r.pack.benchmark($0) }.map { benchmarkValue($0, w) } ?? "",
      ]
    }
    doc.table(
      [w("scope.use-case"), w("scope.stage"), w("scope.technologies"), w("scope.note"), w("scope.benchmark")], rows)
    let benchmarks = scope.compactMap { item -> String? in
      guard let useCase = r.pack.useCase(item.useCase), let id = useCase.benchmark, let b = r.pack.benchmark(id) else {
        return nil
      }
      return w(
        "scope.benchmark.line",
        [
          "use_case": useCase.name[r.language], "value": benchmarkValue(b, w), "base": b.base[r.language],
          "label": b.label[r.language], "source": b.source,
        ])
    }
    if !benchmarks.isEmpty {
      doc.paragraph(w("scope.benchmark.intro"))
      doc.bullets(benchmarks)
    }
  }

  /// A survey figure as a percentage in the report's language (`40 %` in Danish, `40%` in English).
  static func benchmarkValue(_ b: Benchmark, _ w: Wording) -> String {
    w("percent", ["value": Numbers.exact(b.value, w.language)])
  }
}
