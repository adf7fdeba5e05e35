import Foundation
import IglooContent
import IglooEngine

/// The profile per level as a chart: Mermaid for viewers that draw it, plain text for the rest.
enum Charts {
  /// The width of a text bar in characters; each character stands for 5 points.
  static let barWidth = 20

  /// The profile chart as the document model holds it: the figures, and both Markdown forms.
  static func profile(_ r: ReportContext) -> ReportDocument.Chart {
    let w = r.w
    let levels = r.assessment.levels
    return ReportDocument.Chart(
      title: w("chart.title"), axis: w("chart.axis"), categories: levels.map { w.level($0.id) },
      series: [
        (w("chart.risk"), levels.map { $0.risk.average }),
        (w("chart.opportunity"), levels.map { $0.opportunity.average }),
      ],
      mermaid: mermaid(r), text: text(r), markdownCaption: w("summary.chart.caption"),
      caption: w("summary.chart.caption.docx"))
  }

  /// A Mermaid `xychart-beta`: bars for residual risk, a line for untapped opportunity.
  ///
  /// Mermaid draws two bar series on top of each other rather than side by side, so the second
  /// measure is a line; the caption above the chart says which is which.
  static func mermaid(_ r: ReportContext) -> String {
    let w = r.w
    func quoted(_ text: String) -> String {
      "\"" + Markdown.oneLine(text).replacing(ascii: UInt8(ascii: "\""), with: "'") + "\""
    }
    func values(_ pick: (ProfileRow) -> Double?) -> String {
      "[" + r.assessment.levels.map { pick($0).map(Numbers.whole) ?? "0" }.joined(separator: ", ") + "]"
    }
    return [
      "xychart-beta",
      "    title " + quoted(w("chart.title")),
      // A level whose risk cannot be scored is named "risk unknown": Mermaid has no empty bar,
      // and a bare 0 would read as no risk.
      "    x-axis [" + r.assessment.levels.map { row in
        let unknown = row.risk.findings > 0 && row.risk.average == nil
        return quoted(unknown ? w("chart.unknown-mark", ["level": w.level(row.id)]) : w.level(row.id))
      }.joined(separator: ", ") + "]",
      "    y-axis " + quoted(w("chart.axis")) + " 0 --> 100",
      "    bar " + values { $0.risk.average },
      "    line " + values { $0.opportunity.average },
    ].joined(separator: "\n")
  }

  /// Two bars per level, e.g. `Individ   Risiko    ███████████░░░░░░░░░  55 høj`.
  static func text(_ r: ReportContext) -> String {
    let w = r.w
    let names = r.assessment.levels.map { w.level($0.id) }
    let labels = [w("chart.risk"), w("chart.opportunity")]
    let nameWidth = (names.map(\.count).max() ?? 0) + 2
    let labelWidth = (labels.map(\.count).max() ?? 0) + 2
    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    func bar(_ a: Aggregate) -> String {
      guard a.findings > 0 else { return String(repeating: "·", count: barWidth) + "   " + w("chart.no-findings") }
      guard let value = a.average, let band = a.band else {
        return String(repeating: "░", count: barWidth) + "   " + w("not-enough")
      }
      let filled = min(barWidth, Int((value + 1e-9).rounded(.down)) * barWidth / 100)
      let number = Numbers.whole(value)
      let unscored = a.unscored.isEmpty ? "" : " · " + w("chart.unscored", ["count": String(a.unscored.count)])
      return String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + " "
        + String(repeating: " ", count: max(0, 3 - number.count)) + number + " " + w.band(band) + unscored
    }
    var lines: [String] = []
    for (row, name) in zip(r.assessment.levels, names) {
      lines.append(pad(name, nameWidth) + pad(labels[0], labelWidth) + bar(row.risk))
      lines.append(pad("", nameWidth) + pad(labels[1], labelWidth) + bar(row.opportunity))
    }
    return lines.map { $0.trailingSpaceTrimmed }.joined(separator: "\n")
  }
}

extension String {
  /// The string without trailing spaces, so code blocks carry no invisible trailing whitespace.
  var trailingSpaceTrimmed: String {
    var s = self
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}
