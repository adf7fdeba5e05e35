import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// Properties of the scoring method, checked over generated sessions.
@Suite struct ScoringPropertyTests {
  let pack = TestPacks.real
  let seeds: [UInt64] = Array(1...60)

  /// Sets every applicable question of `role` for `finding` to `point`, in every voice.
  func setting(_ session: Session, finding: String, role: MeasureRole, point: Int) -> Session {
    var s = session
    for (q, r) in pack.questions(measuring: finding) where r == role && s.applies(q, pack) {
      for v in s.voices { s.setAnswer(Answer(.point(q.reversed ? 6 - point : point)), question: q.id, voice: v.id) }
    }
    return s
  }

  func riskFindings(_ s: Session) -> [String] {
    Assessment(session: s, pack: pack).findings.filter { $0.finding.polarity.hasRisk }.map(\.finding.id)
  }

  @Test func moreExposureNeverLowersRisk() {
    var sequences = 0
    var rising = 0
    for seed in seeds {
      let base = SessionGenerator.session(pack, seed: seed)
      for id in riskFindings(base) {
        let risks = (1...5).map { p in
          Assessment(session: setting(base, finding: id, role: .exposure, point: p), pack: pack).result(id)?.residualRisk
        }
        let values = risks.compactMap { $0 }
        guard values.count == 5 else { continue }
        #expect(values == values.sorted(), "seed \(seed), \(id): \(values)")
        sequences += 1
        if values.first! < values.last! { rising += 1 }
      }
    }
    // A risk that ignored exposure would be a constant sequence, which `sorted()` accepts. It is
    // constant only where the mitigation is complete (100), which few generated sessions have.
    #expect(sequences > 50)
    #expect(rising * 2 > sequences, "\(rising) of \(sequences) sequences rise")
  }

  @Test func moreMitigationNeverRaisesRisk() {
    var sequences = 0
    var falling = 0
    for seed in seeds {
      let base = SessionGenerator.session(pack, seed: seed)
      for id in riskFindings(base) {
        let values = (1...5).compactMap { p in
          Assessment(session: setting(base, finding: id, role: .mitigation, point: p), pack: pack).result(id)?.residualRisk
        }
        guard values.count == 5 else { continue }
        #expect(values == values.sorted(by: >), "seed \(seed), \(id): \(values)")
        sequences += 1
        if values.first! > values.last! { falling += 1 }
      }
    }
    // Constant only where the exposure is 0.
    #expect(sequences > 50)
    #expect(falling * 2 > sequences, "\(falling) of \(sequences) sequences fall")
  }

  @Test func dontKnowNeverActsAsZero() {
    // Replacing a "don't know" by the lowest point must change a score that exists in both, or
    // leave it only if the item was never counted; a don't-know counted as 0 would make them equal.
    var compared = 0
    for seed in seeds {
      var s = SessionGenerator.session(pack, seed: seed)
      let q = s.applicableQuestions(pack).first { $0.kind == .finding && !$0.reversed }!
      s = setting(s, finding: q.measures[0].finding, role: q.measures[0].role, point: 4)
      var withDontKnow = s
      var withZero = s
      for v in s.voices {
        withDontKnow.setAnswer(Answer(.dontKnow), question: q.id, voice: v.id)
        withZero.setAnswer(Answer(.point(1)), question: q.id, voice: v.id)
      }
      let a = Assessment(session: withDontKnow, pack: pack).result(q.measures[0].finding)
      let b = Assessment(session: withZero, pack: pack).result(q.measures[0].finding)
      let scaleA = scale(a, q.measures[0].role)
      let scaleB = scale(b, q.measures[0].role)
      #expect(scaleA?.dontKnow == 1 && scaleB?.dontKnow == 0)
      if let va = scaleA?.value, let vb = scaleB?.value {
        compared += 1
        #expect(va > vb, "seed \(seed): don't know scored like strongly disagree")
        #expect(va == 75, "the other items are all 4 (75), so without the don't-know the mean is 75")
      }
    }
    #expect(compared > 10)
  }

  func scale(_ r: FindingResult?, _ role: MeasureRole) -> Scale? {
    switch role {
    case .exposure: r?.exposure
    case .mitigation: r?.mitigation
    case .potential: r?.potential
    case .realisation: r?.realisation
    case .screening: nil
    }
  }

  @Test func answersThatNoLongerApplyNeverCount() {
    for seed in seeds {
      let base = SessionGenerator.session(pack, seed: seed)
      var extra = base
      let applicable = Set(base.applicableQuestions(pack).map(\.id))
      let outside = pack.questions.filter { !applicable.contains($0.id) }
      for q in outside { for v in base.voices { extra.setAnswer(Answer(.point(5)), question: q.id, voice: v.id) } }
      let a = Assessment(session: base, pack: pack)
      let b = Assessment(session: extra, pack: pack)
      #expect(a.findings == b.findings, "seed \(seed)")
      #expect(a.levels == b.levels, "seed \(seed)")
      #expect(b.setAside.count == outside.count)
    }
  }

  @Test func fewerThanHalfAnsweredIsNotEnough() {
    var enough = 0
    var notEnough = 0
    for seed in seeds {
      let session = SessionGenerator.session(pack, seed: seed)
      let a = Assessment(session: session, pack: pack)
      let applicable = session.applicableQuestions(pack)
      for f in a.findings {
        let roles: [(MeasureRole, Scale?)] = [
          (.exposure, f.exposure), (.mitigation, f.mitigation), (.potential, f.potential), (.realisation, f.realisation),
        ]
        for (role, s) in roles {
          guard let s else { continue }
          // Counted here from the answers themselves, not from the scale's own fields: the items
          // are the applicable questions measuring this role, less "not relevant"; the answered
          // ones are those with a point on the scale.
          let items = applicable.filter { $0.measures.contains { $0.finding == f.finding.id && $0.role == role } }
          let values = items.map { (session.agreed[$0.id] ?? session.answer($0.id, voice: session.voices[0].id))?.value }
          let counted = values.filter { $0 != .notRelevant }.count
          let answered = values.filter { if case .point = $0 { true } else { false } }.count
          let expected = counted > 0 && answered * 2 >= counted
          #expect(s.isEnough == expected, "seed \(seed) \(f.finding.id) \(role): \(answered) of \(counted) answered")
          if expected { enough += 1 } else { notEnough += 1 }
        }
        if f.exposure?.value == nil || f.mitigation?.value == nil { #expect(f.residualRisk == nil) }
      }
    }
    // Both sides of the rule are reached.
    #expect(enough > 0 && notEnough > 0, "\(enough) scales with enough answers, \(notEnough) without")
  }

  @Test func scoresStayWithinZeroToHundred() {
    for seed in seeds {
      let a = Assessment(session: SessionGenerator.session(pack, seed: seed, voices: 3, notes: true, agreed: true), pack: pack)
      for f in a.findings {
        for v in [f.residualRisk, f.untapped, f.realised].compactMap({ $0 }) { #expect((0...100).contains(v)) }
      }
    }
  }
}
