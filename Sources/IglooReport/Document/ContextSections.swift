import IglooContent
import IglooEngine

extension ReportBuilder {
  /// The legal and context items that apply, each with its source and caveat.
  static func flags(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("flags.heading"))
    doc.paragraph(w("flags.intro"))
    for flag in r.assessment.flags {
      let item = flag.item
      switch flag.severity {
      case .prohibited: doc.heading(3, w("flags.prohibited") + ": " + item.title[r.language])
      case .clarify: doc.heading(3, w("severity.clarify") + ": " + flag.title(r.language))
      case .obligation, .information: doc.heading(3, item.title[r.language])
      }
      doc.paragraph(item.text[r.language])
      if let caveat = item.caveat?[r.language] { doc.labelled(w("flags.caveat"), caveat) }
      var facts = [w("flags.source", ["source": w.source(item.source)])]
      // A rule is only as good as the day it was read; say which day.
      if let asOf = item.asOf { facts.append(w("flags.as-of", ["date": asOf])) }
      if !flag.useCases.isEmpty {
        facts.append(w("flags.because", ["use_cases": flag.useCases.map(w.useCase).joined(separator: ", ")]))
      }
      doc.paragraph(facts.joined(separator: " · "))
    }
    if r.assessment.flags.isEmpty { doc.paragraph(w("flags.none")) }
  }

  /// Follow-up (APV element 4): the next review and what is wrong with it.
  static func followUp(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let f = r.session.followUp
    doc.heading(2, w("follow-up.heading"))
    var facts = [w("follow-up.next", ["date": w.orNotGiven(f.nextReview)])]
    if !f.previousRound.isEmpty { facts.append(w("follow-up.previous", ["file": f.previousRound])) }
    doc.bullets(facts)
    for warning in r.assessment.followUpWarnings {
      doc.labelled(w("follow-up.warning.label"), w.warning(warning))
    }
    doc.paragraph(w("follow-up.rule"))
  }

  /// The method, as in `docs/method.md`, so a committee can check any figure by hand.
  static func method(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("method.heading"))
    let bands = r.pack.info.bands
    let scale = r.pack.info.scale
    let values: [String: String] = [
      "scale": scale.map { w("method.scale.point", ["label": $0.label[r.language], "value": String($0.value)]) }
        .joined(separator: ", "),
      "risk_moderate": Numbers.whole(bands.risk.moderate), "risk_high": Numbers.whole(bands.risk.high),
      "opportunity_moderate": Numbers.whole(bands.opportunity.moderate),
      "opportunity_high": Numbers.whole(bands.opportunity.high),
    ]
    var index = 1
    while true {
      let key = "method." + (index < 10 ? "0" : "") + String(index)
      guard r.pack.strings["report." + key] != nil else { break }
      doc.paragraph(w(key, values))
      index += 1
    }
  }

  /// The documents the content pack cites.
  static func sources(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("sources.heading"))
    doc.numbered(r.pack.info.sources.map { [.plain($0.citation[r.language])] })
  }
}
