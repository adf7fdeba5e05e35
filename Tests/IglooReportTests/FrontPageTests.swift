import Foundation
import IglooContent
@testable import IglooEngine
import Testing

@testable import IglooReport

/// Issue 26, points 3, 5 and 6: page 1 in the order a manager needs it, one figure per finding,
/// and a mark on every figure that rests on a median of disagreeing voices.
@Suite struct FrontPageTests {
  /// The source report's title, as the BFA report itself gives it.
  static let sourceTitle = "Kunstig intelligens: muligheder og udfordringer for arbejdsmiljøet på de danske arbejdspladser"

  func summary(_ a: Assessment, _ language: Language) -> String {
    MarkdownReport.render(a, language: language, part: .summary)
  }

  /// The summary up to the facts table: what page 1 holds.
  func pageOne(_ md: String, _ language: Language) -> String {
    let facts = "## " + wording(language)("who.heading")
    return md.range(of: facts).map { String(md[..<$0.lowerBound]) } ?? md
  }

  /// A quick scan of the call-centre scope with every screening answered `point`.
  func quickScan(answering point: Int, voices: [Voice] = [.single]) -> Assessment {
    var s = Session(content: ContentRef(Packs.builtin), about: About(workplace: "Nordlys", sector: "private-services", date: "2025-03-12"))
    s.scope = [ScopeItem(useCase: "call-scoring", stage: .inUse, infersEmotions: .no), ScopeItem(useCase: "chat-assistant", stage: .pilot)]
    s.depth = .quick
    s.voices = voices
    for q in s.applicableQuestions(Packs.builtin) where q.isScreening {
      s.setAnswer(Answer(.point(point)), question: q.id, voice: voices[0].id)
    }
    return Assessment(session: s, pack: Packs.builtin)
  }

  @Test(arguments: Language.allCases)
  func pageOneIsInTheManagersOrder(_ language: Language) throws {
    let a = try Fixture.callCentre.assessment
    let w = wording(language)
    let md = summary(a, language)
    let order = [
      "# " + w("title.workplace", ["workplace": a.session.about.workplace]), Self.sourceTitle,
      language == .da ? "BFA og Arbejdsmiljørådet, 2024" : "BFA and Arbejdsmiljørådet, 2024",
      "**" + w("summary.conclusion.label") + "**", "## " + w("flags.summary.heading"), "## " + w("summary.actions.heading"),
      "## " + w("summary.levels.heading"), "## " + w("who.heading"), "## " + w("plan.heading"), "## " + w("approval.heading"),
    ]
    var last = md.startIndex
    for marker in order {
      let found = try #require(md.range(of: marker), "\(marker) missing")
      #expect(found.lowerBound >= last, "\(marker) out of order")
      last = found.lowerBound
    }
    // One sentence names the source, right under the title.
    let intro = md.components(separatedBy: "\n\n")[1]
    #expect(intro.contains(Self.sourceTitle))
    #expect(intro.filter { $0 == "." }.count == 1, "one sentence: \(intro)")
    // Findings by their short title; the source path and the pack version are in the appendix.
    #expect(!md.contains("Kapitel 2 ›"), "no source path in the summary")
    #expect(!pageOne(md, language).contains(w("meta.content")))
    let all = MarkdownReport.render(a, language: language, part: .all)
    #expect(all.contains("Kapitel 2 ›"), "the appendix keeps the source paths")
  }

  @Test(arguments: Language.allCases)
  func theConclusionIsComputedFromTheFigures(_ language: Language) throws {
    let w = wording(language)
    // Everything disagreed with: nothing high, nothing moderate, no level high.
    let low = quickScan(answering: 2)
    let total = low.findings.filter(\.applies).count
    let lowPage = pageOne(summary(low, language), language)
    #expect(lowPage.contains(w("summary.conclusion.findings.screened", ["total": String(total), "high": "0", "moderate": "0"])), "\(lowPage)")
    #expect(!lowPage.contains(w("summary.conclusion.high-levels.screened", ["levels": ""]).prefix(20)))
    // Everything agreed with: every finding screened high, and the levels named.
    let high = quickScan(answering: 4)
    let highPage = pageOne(summary(high, language), language)
    #expect(highPage.contains(w("summary.conclusion.findings.screened", ["total": String(total), "high": String(total), "moderate": "0"])), "\(highPage)")
    let individual = w("summary.conclusion.level", ["level": w.level("individual"), "score": "75"])
    #expect(highPage.contains(individual), "\(highPage)")
    // What comes first in the plan is named as the most urgent.
    let first = try #require(PlanRow.plan(high, w).first)
    #expect(highPage.contains(w("summary.conclusion.urgent", ["action": first.title])))
  }

  @Test(arguments: Language.allCases)
  func theLegalItemsGiveTheirCertaintyAndDate(_ language: Language) throws {
    let a = try Fixture.callCentre.assessment
    let w = wording(language)
    let page = pageOne(summary(a, language), language)
    let inform = try #require(Packs.builtin.context.first { $0.id == "ai-act-art-26-7" })
    let literacy = try #require(Packs.builtin.context.first { $0.id == "ai-act-art-4" })
    // The assessment is dated 2025-03-12: the high-risk duty lies ahead, AI literacy is in force.
    #expect(page.contains(w("flags.summary.item", ["severity": w("severity.obligation"), "title": inform.title[language]]) + "** " + w("flags.applies-from", ["date": "2027-12-02"])), "\(page)")
    #expect(page.contains(w("flags.summary.item", ["severity": w("severity.obligation"), "title": literacy.title[language]]) + "** " + w("flags.applies-since", ["date": "2025-02-02"])))
    // The ban still to be settled comes before every duty.
    let clarify = try #require(page.range(of: "**" + w("summary.clarify.label") + "**"))
    let duty = try #require(page.range(of: "**" + w("severity.obligation")))
    #expect(clarify.lowerBound < duty.lowerBound)
    let json = try #require(try JSONSerialization.jsonObject(with: JSONReport.render(a, language: language)) as? [String: Any])
    let flags = try #require(json["flags"] as? [[String: Any]])
    #expect(flags.first { $0["id"] as? String == "ai-act-art-26-7" }?["applies_from"] as? String == "2027-12-02")
  }

  @Test(arguments: Language.allCases)
  func theThreeMostImportantActionsSayWhoAndByWhen(_ language: Language) throws {
    var s = try Fixture.callCentre.session
    let w = wording(language)
    let before = Assessment(session: s, pack: Packs.builtin)
    // The second action decided, with a responsible person and a deadline.
    let second = before.recommendations[1].action
    s.plan.removeAll { $0.action == second.id }
    s.plan.append(PlanItem(action: second.id, level: second.level, responsible: "Mette Holm", deadline: "2025-06-30", status: .accepted))
    let a = Assessment(session: s, pack: Packs.builtin)
    let page = pageOne(summary(a, language), language)
    let heading = try #require(page.range(of: "## " + w("summary.actions.heading")))
    let list = page[heading.upperBound...].components(separatedBy: "\n\n")[1].split(separator: "\n").map(String.init)
    #expect(list.count == 3, "\(list)")
    let plan = PlanRow.plan(a, w)
    #expect(list[0].contains(plan[0].title))
    #expect(list[0].contains(w("summary.actions.no-deadline")))
    #expect(list[0].contains(w("summary.actions.no-responsible.suggested", ["role": w.role(plan[0].suggestedOwner ?? "")])))
    #expect(list[1].contains(second.title[language]))
    #expect(list[1].contains("Mette Holm") && list[1].contains("2025-06-30"), "\(list[1])")
    #expect(!list[1].contains(w("summary.actions.no-deadline")))
  }

  @Test(arguments: Language.allCases)
  func aDeepenedFindingHasOneFigureOnPageOne(_ language: Language) throws {
    let a = try Fixture.quickScan.assessment
    let w = wording(language)
    let md = summary(a, language)
    let page = pageOne(md, language)
    // The depth is named on page 1.
    guard case .deepened(let n, let total) = a.depthDone else {
      Issue.record("the fixture deepens some findings")
      return
    }
    #expect(page.contains(w("summary.depth.deepened", ["deepened": String(n), "findings": String(total)])))
    // One profile table: no table of residual risks beside the screenings.
    let doc = ReportBuilder.document(a, language, part: .summary)
    #expect(!doc.tables.contains { $0.header.contains(w("profile.risk")) }, "no second table of residual risks")
    // Each deepened finding is shown by its residual risk wherever page 1 names it, never by its screening.
    for result in a.findings where result.hasFullFigure {
      let title = result.finding.shortTitle[language]
      let risk = try #require(result.residualRisk)
      let lines = md.split(separator: "\n").filter { $0.contains(title) }
      #expect(!lines.isEmpty, "\(title) is named")
      for line in lines {
        #expect(line.contains(w("top.risk", ["score": w.scored(risk, result.riskBand)])), "\(line)")
        #expect(!line.contains(w("top.screening", ["score": ""])), "\(line)")
      }
    }
    // Its level reads its figure, never "not enough answers" for the strongest risk.
    let individual = try #require(md.split(separator: "\n").first { $0.hasPrefix("| " + w.level("individual") + " |") })
    #expect(individual.components(separatedBy: " | ")[2] != w("not-enough"), "\(individual)")
    // The JSON's top findings give the deepened finding its residual risk too.
    let json = try #require(try JSONSerialization.jsonObject(with: JSONReport.render(a, language: language, part: .summary)) as? [String: Any])
    let top = try #require(json["top_findings"] as? [[String: Any]])
    for entry in top where a.findings.first(where: { $0.finding.id == entry["finding"] as? String })?.hasFullFigure == true {
      #expect(entry["ranks_by"] as? String == "risk")
    }
  }

  @Test func theContestedRuleFollowsTheStatementsAFigureRestsOn() throws {
    let pack = Packs.builtin
    let screening = try #require(pack.questions.first { $0.isScreening })
    let finding = screening.measures[0].finding
    let full = try #require(pack.questions.first { q in !q.isScreening && q.measures.contains { $0.finding == finding } })
    func contested(_ question: Question, resolved: Bool, inFull: Bool) -> Set<String> {
      Contested.findings(
        [Disagreement(question: question.id, points: ["a": 1, "b": 4], spread: 3, resolved: resolved)],
        questions: pack.question, inFull: { _ in inFull })
    }
    #expect(contested(screening, resolved: false, inFull: false).contains(finding), "a screened finding rests on its screening")
    #expect(!contested(screening, resolved: false, inFull: true).contains(finding), "a deepened finding no longer does")
    #expect(contested(full, resolved: false, inFull: true).contains(finding))
    #expect(!contested(full, resolved: false, inFull: false).contains(finding), "full statements do not count in a screening")
    #expect(contested(full, resolved: true, inFull: true).isEmpty, "an agreed answer settles it")
  }

  /// The call centre with the employees' voice answering only the first seven statements, at 1.
  func handfulVoice() throws -> Assessment {
    var s = try Fixture.callCentre.session
    let second = s.voices[1].id
    s.answers[second] = [:]
    s.agreed = [:]
    for q in s.applicableQuestions(Packs.builtin).prefix(7) {
      s.setAnswer(Answer(.point(1)), question: q.id, voice: second)
      s.setAnswer(Answer(.point(5)), question: q.id, voice: s.voices[0].id)
    }
    return Assessment(session: s, pack: Packs.builtin)
  }

  @Test(arguments: Language.allCases)
  func twoVoicesArePlainOnPageOneAndTheirSplitIsMarked(_ language: Language) throws {
    let a = try handfulVoice()
    let w = wording(language)
    let md = summary(a, language)
    let page = pageOne(md, language)
    let total = a.session.applicableQuestions(Packs.builtin).count
    let second = a.session.voices[1].id
    #expect(page.contains(w("summary.voices.count", ["voice": w.voice(second, in: a.session), "answered": "7", "total": String(total)])), "\(page)")
    let open = a.disagreements.filter { !$0.resolved }
    #expect(open.count >= 1)
    #expect(page.contains(w("summary.voices.disagreements", ["count": String(open.count), "largest": ""]).prefix(30)))
    // The mark, on page 1, and the line that says what it means.
    let contested = a.contestedFindings
    #expect(!contested.isEmpty)
    #expect(page.contains(w("contested.marked", ["figure": ""]).trimmingCharacters(in: .whitespaces)))
    #expect(page.contains(w("contested.line")))
    for id in contested {
      let title = try #require(a.findings.first { $0.finding.id == id }).finding.shortTitle[language]
      for line in md.split(separator: "\n") where line.hasPrefix("1. **" + title) || line.contains("**" + title + "** –") {
        #expect(line.contains("≠"), "\(line)")
      }
    }
    // The same in Word.
    let docx = try Docx.parts(DocxReport.render(a, language: language, part: .summary))
    let xml = try #require(docx.first { $0.path == "word/document.xml" }?.text)
    #expect(xml.contains(OOXML.escape(w("contested.line"))))
    // JSON: each finding and level says whether it is contested.
    let json = try #require(try JSONSerialization.jsonObject(with: JSONReport.render(a, language: language)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(Set(findings.filter { $0["contested"] as? Bool == true }.compactMap { $0["id"] as? String }) == contested)
    let profile = try #require(json["profile"] as? [String: Any])
    let levels = try #require(profile["levels"] as? [[String: Any]])
    let contestedLevels = Set(a.findings.filter { contested.contains($0.finding.id) }.map(\.finding.level))
    #expect(Set(levels.filter { $0["contested"] as? Bool == true }.compactMap { $0["id"] as? String }) == contestedLevels)
  }

  @Test func oneVoiceMarksNothing() throws {
    let a = try Fixture.homeCare.assessment
    #expect(a.contestedFindings.isEmpty)
    let md = summary(a, .da)
    #expect(!md.contains("≠"))
    #expect(!md.contains(wording(.da)("contested.line")))
  }

  @Test func theApprovalIsKeptWithWhatPrecedesItInWord() throws {
    let a = try Fixture.quickScan.assessment
    let docx = try Docx.parts(DocxReport.render(a, language: .da, part: .summary))
    let xml = try #require(docx.first { $0.path == "word/document.xml" }?.text)
    let w = wording(.da)
    let heading = try #require(xml.range(of: OOXML.escape(w("approval.heading"))))
    // The paragraph before the approval's heading keeps with it.
    let before = xml[..<heading.lowerBound]
    let lastParagraph = try #require(before.range(of: "<w:p>", options: .backwards))
    let previous = try #require(before[..<lastParagraph.lowerBound].range(of: "<w:p>", options: .backwards))
    #expect(before[previous.lowerBound...].contains("<w:keepNext/>"), "the line before the approval keeps with it")
    // The plan's last three rows keep with the approval's block that follows them.
    let planEnd = try #require(before.range(of: "</w:tbl>", options: .backwards))
    let planRows = before[..<planEnd.lowerBound].components(separatedBy: "<w:tr>").suffix(4)
    #expect(planRows.suffix(3).allSatisfy { $0.contains("<w:keepNext/>") })
    #expect(!planRows.first!.contains("<w:keepNext/>"), "only the last rows")
    // Every row of the signature table but the last keeps with the next.
    let after = xml[heading.upperBound...]
    let table = try #require(after.range(of: "</w:tbl>"))
    let rows = after[..<table.lowerBound].components(separatedBy: "<w:tr>").dropFirst()
    #expect(rows.count == 3)
    #expect(rows.dropLast().allSatisfy { $0.contains("<w:keepNext/>") })
    // The chart's caption keeps with the chart.
    let full = try Docx.parts(DocxReport.render(try Fixture.callCentre.assessment, language: .da, part: .summary))
    let body = try #require(full.first { $0.path == "word/document.xml" }?.text)
    let drawing = try #require(body.range(of: "<w:drawing>"))
    let caption = try #require(body[..<drawing.lowerBound].range(of: "<w:p>", options: .backwards))
    let captionStart = try #require(body[..<caption.lowerBound].range(of: "<w:p>", options: .backwards))
    #expect(body[captionStart.lowerBound..<caption.lowerBound].contains("<w:keepNext/>"))
    // The chart's paragraph has single line spacing: under the body's proportional 0.97 LibreOffice
    // cut off the top of the picture, the chart's title and its 100 line.
    let chartParagraph = body[caption.lowerBound..<drawing.lowerBound]
    #expect(chartParagraph.contains("<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"), "\(chartParagraph)")
    #expect(chartParagraph.contains("<w:keepLines/>"))
  }
}
