import IglooContent
import IglooEngine

extension MarkdownReport {
  /// Mapping and risk assessment (APV element 1): per IGLOO level, each finding with its scores,
  /// the arithmetic behind them, and the answers they rest on.
  static func levels(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    doc.heading(2, w("levels.heading"))
    doc.paragraph(w("levels.intro"))
    for level in r.pack.levels {
      doc.heading(3, w("levels.level.heading", ["letter": level.letter, "level": level.name[r.language]]))
      doc.paragraph(level.description[r.language])
      let results = r.assessment.findings.filter { $0.finding.level == level.id }
      if results.isEmpty {
        doc.paragraph(w("levels.none"))
        continue
      }
      for result in results { finding(result, r, &doc) }
    }
  }

  /// One finding: what the report says, its scales with the arithmetic, the gaps, and the
  /// statements with the answers counted, so a committee can redo every figure by hand.
  static func finding(_ result: FindingResult, _ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    let f = result.finding
    doc.heading(4, f.title[r.language] + assessedSuffix(result, r))
    doc.paragraph(
      w("finding.meta", ["polarity": w.polarity(f.polarity), "technology": w.technology(f.technology), "source": f.source]))
    doc.labelled(w("finding.why"), f.summary[r.language])

    var lines: [String] = []
    if let screening = screeningLine(result, r) { lines.append(screening) }
    if !result.askedInFull {
      // Screened only: its full statements were not asked, so there is no residual risk to show.
      lines.append(Markdown.inline(w("finding.screened-only")))
    }
    if f.polarity.hasRisk && result.askedInFull {
      lines.append(scaleLine("finding.exposure", result.exposure, r))
      lines.append(scaleLine("finding.mitigation", result.mitigation, r))
      if let risk = result.residualRisk, let e = result.exposure?.value, let m = result.mitigation?.value {
        let formula = w(
          "finding.residual.formula",
          ["e": Numbers.exact(e, r.language), "m": Numbers.exact(m, r.language), "result": Numbers.exact(risk, r.language)])
        lines.append(
          Markdown.strong(w("finding.residual", ["score": w.scored(risk, result.riskBand)])) + " "
            + Markdown.fragment(formula))
      } else {
        lines.append(Markdown.strong(w("finding.residual", ["score": w("not-enough")])))
      }
    }
    if f.polarity.hasOpportunity && result.askedInFull {
      lines.append(scaleLine("finding.potential", result.potential, r))
      lines.append(scaleLine("finding.realisation", result.realisation, r))
      if let untapped = result.untapped, let realised = result.realised, let p = result.potential?.value,
        let rv = result.realisation?.value
      {
        let values = [
          "p": Numbers.exact(p, r.language), "r": Numbers.exact(rv, r.language),
          "realised": Numbers.exact(realised, r.language), "untapped": Numbers.exact(untapped, r.language),
        ]
        lines.append(
          Markdown.inline(w("finding.realised", ["score": Numbers.whole(realised)]) + " " + w("finding.realised.formula", values)))
        lines.append(
          Markdown.strong(w("finding.untapped", ["score": w.scored(untapped, result.opportunityBand)])) + " "
            + Markdown.fragment(w("finding.untapped.formula", values)))
      } else {
        lines.append(Markdown.strong(w("finding.untapped", ["score": w("not-enough")])))
      }
    }
    doc.rawBullets(lines)

    if result.notEnoughAnswers {
      let scales = [result.exposure, result.mitigation, result.potential, result.realisation].compactMap { $0 }
      let gaps = scales.filter { !$0.isEnough }.flatMap(\.gaps)
      var seen = Set<String>()
      let unique = gaps.filter { seen.insert($0).inserted }
      doc.labelled(w("finding.not-enough.label"), w("finding.not-enough.text"))
      doc.bullets(unique.map { w("quoted", ["text": w.question($0)]) })
    }
    if result.transparencyGap {
      doc.labelled(w("finding.transparency.label"), w("finding.transparency.text"))
    }

    let questions = r.questions(measuring: f.id)
    let rows = questions.map { item -> [String] in
      let q = item.question
      let answer = r.session.effectiveAnswer(q.id, r.pack)
      var role = w.measureRole(item.role)
      if q.reversed { role = w("role.reversed", ["role": role]) }
      return [q.text[r.language], role] + voiceCells(q.id, r) + [
        w.effective(answer), r.itemScore(q).map { Numbers.exact($0, r.language) } ?? "–",
        (answer?.notes ?? []).joined(separator: " · "),
      ]
    }
    let header =
      [w("questions.statement"), w("questions.role")] + voiceHeader(r)
      + [w(r.session.voices.count > 1 ? "questions.counted" : "questions.answer"), w("questions.points"), w("questions.notes")]
    doc.table(header, rows, align: [.left, .left] + voiceHeader(r).map { _ in .left } + [.left, .right, .left])
    let whys = questions.compactMap { item -> String? in
      guard let why = item.question.why?[r.language] else { return nil }
      return Markdown.strong(w("questions.why", ["statement": item.question.text[r.language]])) + " " + Markdown.fragment(why)
    }
    doc.rawBullets(whys)
  }

  /// One column per voice when there are several, so the committee sees who said what before
  /// the median or the agreed answer combined them.
  static func voiceHeader(_ r: ReportContext) -> [String] {
    guard r.session.voices.count > 1 else { return [] }
    return r.session.voices.map { r.w.voice($0.id, in: r.session) }
  }

  /// Each voice's own answer to `question`, when there are several voices.
  static func voiceCells(_ question: String, _ r: ReportContext) -> [String] {
    guard r.session.voices.count > 1 else { return [] }
    return r.session.voices.map { v in r.session.answer(question, voice: v.id).map { r.w.answer($0.value) } ?? "–" }
  }

  /// One scale as a list item, e.g. "Exposure (E): 75 – 2 of 2 statements answered".
  private static func scaleLine(_ key: String, _ scale: Scale?, _ r: ReportContext) -> String {
    let w = r.w
    guard let scale else { return Markdown.inline(w(key, ["value": w("not-enough"), "counts": w("scale.no-items")])) }
    var counts = w("scale.answered", ["answered": String(scale.answered), "items": String(scale.items)])
    if scale.dontKnow > 0 { counts = w("scale.answered.dont-know", ["answered": counts, "count": String(scale.dontKnow)]) }
    let value = scale.value.map { Numbers.exact($0, r.language) } ?? w("not-enough")
    return Markdown.inline(w(key, ["value": value, "counts": counts]))
  }
}
