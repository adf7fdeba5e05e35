import IglooContent
import IglooEngine

extension ReportBuilder {
  /// Mapping and risk assessment (APV element 1): per IGLOO level, each finding with its scores,
  /// the arithmetic behind them, and the answers they rest on.
  static func levels(_ r: ReportContext, _ doc: inout ReportDocument) {
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
  static func finding(_ result: FindingResult, _ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let f = result.finding
    doc.heading(4, f.shortTitle[r.language] + assessedSuffix(result, r))
    // The report's whole sentence under the short title; while a finding has no short title of
    // its own, the heading already is the sentence.
    if f.shortTitle[r.language] != f.title[r.language] { doc.labelled(w("finding.statement"), f.title[r.language]) }
    var meta = w("finding.meta", ["polarity": w.polarity(f.polarity), "technology": w.technology(f.technology), "source": w.source(f.source)])
    // A technology whose evidence the report itself calls thinner (generative AI: "kvalificerede
    // vurderinger", "endnu ikke definitivt kortlagt") says so beside each of its findings, from the
    // content's strings, so such a point never reads as documented as a machine-learning point.
    let evidence = "finding.evidence." + f.technology
    if r.pack.strings["report." + evidence] != nil { meta += " " + w(evidence) }
    doc.paragraph(meta)
    doc.labelled(w("finding.why"), f.summary[r.language])

    var lines: [[ReportDocument.Run]] = []
    if let screening = screeningLine(result, r) { lines.append(screening) }
    if !result.askedInFull {
      // Screened only: its full statements were not asked, so there is no residual risk to show.
      lines.append([.plain(w("finding.screened-only"))])
    }
    if f.polarity.hasRisk && result.askedInFull {
      lines.append(scaleLine("finding.exposure", result.exposure, r))
      lines.append(scaleLine("finding.mitigation", result.mitigation, r))
      if let risk = result.residualRisk, let e = result.exposure?.value, let m = result.mitigation?.value {
        let formula = w(
          "finding.residual.formula",
          ["e": Numbers.tenth(e, r.language), "m": Numbers.tenth(m, r.language), "result": Numbers.tenth(risk, r.language, down: true)])
        lines.append(ReportDocument.item(w("finding.residual", ["score": tenthScored(risk, result.riskBand, r)]), formula))
      } else {
        lines.append([.bold(w("finding.residual", ["score": w("not-enough")]))])
      }
    }
    if f.polarity.hasOpportunity && result.askedInFull {
      lines.append(scaleLine("finding.potential", result.potential, r))
      lines.append(scaleLine("finding.realisation", result.realisation, r))
      if let untapped = result.untapped, let realised = result.realised, let p = result.potential?.value,
        let rv = result.realisation?.value
      {
        let values = [
          "p": Numbers.tenth(p, r.language), "r": Numbers.tenth(rv, r.language),
          "realised": Numbers.tenth(realised, r.language, down: true), "untapped": Numbers.tenth(untapped, r.language, down: true),
        ]
        lines.append([.plain(w("finding.realised", ["score": Numbers.tenth(realised, r.language, down: true)]) + " " + w("finding.realised.formula", values))])
        lines.append(
          ReportDocument.item(w("finding.untapped", ["score": tenthScored(untapped, result.opportunityBand, r)]), w("finding.untapped.formula", values)))
      } else {
        lines.append([.bold(w("finding.untapped", ["score": w("not-enough")]))])
      }
    }
    doc.bullets(lines)

    if result.notEnoughAnswers {
      let scales = [result.exposure, result.mitigation, result.potential, result.realisation].compactMap { $0 }
      // A scale whose statements are all "not relevant" lacks nothing: it is said so, never listed as missing.
      let gaps = scales.filter { !$0.isEnough && !$0.noStatementApplies }.flatMap(\.gaps)
      var seen = Set<String>()
      let unique = gaps.filter { seen.insert($0).inserted }
      if !unique.isEmpty {
        let statements = unique.map { w("quoted", ["text": w.question($0)]) }.joined(separator: ", ")
        doc.labelled(w("finding.not-enough.label"), w("finding.not-enough.text", ["statements": statements]))
      }
      if scales.contains(where: \.noStatementApplies) {
        doc.labelled(w("finding.no-statement.label"), w("finding.no-statement.text"))
      }
    }
    if result.transparencyGap {
      doc.labelled(w("finding.transparency.label"), w("finding.transparency.text"))
    }
    if result.handlingUnknown, let e = result.priority {
      doc.labelled(
        w("finding.handling-unknown.label"),
        w("finding.handling-unknown.text", ["score": w.scored(e, result.priorityBand(r.pack.info.bands))]))
    }

    let questions = r.questions(measuring: f.id)
    let voices = r.session.voices
    // Up to two voices get a column each; more share one column, so no table exceeds five.
    let own = voices.count == 2
    let rows = questions.map { item -> [String] in
      let q = item.question
      let answer = r.session.effectiveAnswer(q.id, r.pack)
      var role = w.measureRole(item.role)
      if q.reversed { role = w("role.reversed", ["role": role]) }
      let statement = w("questions.statement.role", ["statement": q.text[r.language], "role": role])
      if voices.count == 1 {
        return [statement, w.effective(answer), r.itemScore(q).map { Numbers.exact($0, r.language) } ?? "–"]
      }
      let answers =
        own
        ? voices.map { v in r.session.answer(q.id, voice: v.id).map { w.answer($0.value) } ?? "–" }
        : [voiceAnswers(q.id, r)]
      return [statement] + answers + [counted(answer, r.itemScore(q), r)]
    }
    let header: [String]
    let widths: [Double]
    let align: [ReportDocument.Align]
    if voices.count == 1 {
      header = [w("questions.statement"), w("questions.answer"), w("questions.points")]
      (widths, align) = ([10.5, 4.0, 2.5], [.left, .left, .right])
    } else if own {
      header = [w("questions.statement")] + voices.map { w.voice($0.id, in: r.session) } + [w("questions.counted")]
      (widths, align) = ([8.5, 3.0, 3.0, 2.5], [.left, .left, .left, .right])
    } else {
      header = [w("questions.statement"), w("questions.answers"), w("questions.counted")]
      (widths, align) = ([8.5, 5.5, 3.0], [.left, .left, .right])
    }
    doc.table(header, rows, widths: widths, align: align)
    doc.bullets(statementNotes(questions.map(\.question), r))
  }

  /// Below a statement table: each statement's notes and why we ask it, under the statement.
  static func statementNotes(_ questions: [Question], _ r: ReportContext) -> [[ReportDocument.Run]] {
    let w = r.w
    return questions.compactMap { q -> [ReportDocument.Run]? in
      let notes = r.session.effectiveAnswer(q.id, r.pack)?.notes ?? []
      var parts: [String] = []
      if !notes.isEmpty { parts.append(w("questions.notes.text", ["notes": notes.joined(separator: " · ")])) }
      if let why = q.why?[r.language] { parts.append(w("questions.why.text", ["why": why])) }
      guard !parts.isEmpty else { return nil }
      return ReportDocument.item(w("quoted", ["text": q.text[r.language]]), parts.joined(separator: " "))
    }
  }

  /// What a statement counts with when there are several voices: the points and how they were
  /// reached (median or agreed), or the answer in words when it gives no points.
  static func counted(_ answer: EffectiveAnswer?, _ points: Double?, _ r: ReportContext) -> String {
    guard let answer, let points, answer.score != nil else { return r.w.effective(answer) }
    let value = Numbers.exact(points, r.language)
    switch answer.basis {
    case .single: return value
    case .median: return r.w("questions.counted.median", ["points": value])
    case .agreed: return r.w("questions.counted.agreed", ["points": value])
    }
  }

  /// Every voice's answer to `question` in one cell, e.g. "Leder: Enig; AMR: Uenig".
  static func voiceAnswers(_ question: String, _ r: ReportContext) -> String {
    r.session.voices.map { v in
      r.w(
        "questions.voice-answer",
        ["voice": r.w.voice(v.id, in: r.session), "answer": r.session.answer(question, voice: v.id).map { r.w.answer($0.value) } ?? "–"])
    }.joined(separator: "; ")
  }

  /// One scale as a list item, e.g. "Exposure (E): 75 – 2 of 2 statements answered".
  private static func scaleLine(_ key: String, _ scale: Scale?, _ r: ReportContext) -> [ReportDocument.Run] {
    let w = r.w
    guard let scale else { return [.plain(w(key, ["value": w("not-enough"), "counts": w("scale.no-items")]))] }
    if scale.noStatementApplies {
      return [.plain(w(key, ["value": w("scale.none-applies"), "counts": w("scale.all-not-relevant")]))]
    }
    var counts = w("scale.answered", ["answered": String(scale.answered), "items": String(scale.items)])
    if scale.dontKnow > 0 { counts = w("scale.answered.dont-know", ["answered": counts, "count": String(scale.dontKnow)]) }
    let value = scale.value.map { Numbers.tenth($0, r.language) } ?? w("not-enough")
    return [.plain(w(key, ["value": value, "counts": counts]))]
  }

  /// A result of a formula with its band, to one decimal like the formula it heads.
  private static func tenthScored(_ value: Double, _ band: Band?, _ r: ReportContext) -> String {
    let shown = Numbers.tenth(value, r.language, down: true)
    guard let band else { return shown }
    return r.w("score-band", ["score": shown, "band": r.w.band(band)])
  }
}
