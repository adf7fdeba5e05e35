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
    for seed in seeds {
      let base = SessionGenerator.session(pack, seed: seed)
      for id in riskFindings(base) {
        let risks = (1...5).map { p in
          Assessment(session: setting(base, finding: id, role: .exposure, point: p), pack: pack).result(id)?.residualRisk
        }
        let values = risks.compactMap { $0 }
        guard values.count == 5 else { continue }
        #expect(values == values.sorted(), "seed \(seed), \(id): \(values)")
      }
    }
  }

  @Test func moreMitigationNeverRaisesRisk() {
    for seed in seeds {
      let base = SessionGenerator.session(pack, seed: seed)
      for id in riskFindings(base) {
        let values = (1...5).compactMap { p in
          Assessment(session: setting(base, finding: id, role: .mitigation, point: p), pack: pack).result(id)?.residualRisk
        }
        guard values.count == 5 else { continue }
        #expect(values == values.sorted(by: >), "seed \(seed), \(id): \(values)")
      }
    }
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
    for seed in seeds {
      let a = Assessment(session: SessionGenerator.session(pack, seed: seed), pack: pack)
      for f in a.findings {
        for s in [f.exposure, f.mitigation, f.potential, f.realisation].compactMap({ $0 }) {
          #expect((s.value != nil) == (s.items > 0 && s.answered * 2 >= s.items), "seed \(seed) \(f.finding.id)")
        }
        if f.exposure?.value == nil || f.mitigation?.value == nil { #expect(f.residualRisk == nil) }
      }
    }
  }

  @Test func scoresStayWithinZeroToHundred() {
    for seed in seeds {
      let a = Assessment(session: SessionGenerator.session(pack, seed: seed, voices: 3), pack: pack)
      for f in a.findings {
        for v in [f.residualRisk, f.untapped, f.realised].compactMap({ $0 }) { #expect((0...100).contains(v)) }
      }
    }
  }
}
