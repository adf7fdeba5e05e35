import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// Issue 30: the questions to management, the letter, the agenda and the approval fingerprint,
/// over the real pack and the call-centre fixture (seven "ved ikke" per voice, call scoring in scope).
@Suite struct ManagementQuestionsTests {
  /// The call-centre fixture with "ved ikke" from the employees on two more statements of findings
  /// that have none (six statements in all, sickness absence among them).
  static func callCentreWithGaps() throws -> Session {
    var session = try Fixture.callCentre.session
    let a = Assessment(session: session, pack: Packs.builtin)
    let covered = Set(a.knowledgeGaps.flatMap { a.pack.question($0)?.measures.map(\.finding) ?? [] })
    let more = session.applicableQuestions(Packs.builtin).filter { q in
      q.kind == .finding && !a.knowledgeGaps.contains(q.id) && q.measures.allSatisfy { !covered.contains($0.finding) }
    }
    var added = Set<String>()
    for q in more where added.count < 2 && !added.contains(q.measures[0].finding) {
      session.setAnswer(Answer(.dontKnow), question: q.id, voice: "employees")
      added.insert(q.measures[0].finding)
    }
    return session
  }

  /// Every dont-know statement of the call centre is under exactly one question.
  @Test func everyDontKnowOfTheCallCentreBecomesAQuestionToManagement() throws {
    let a = Assessment(session: try Self.callCentreWithGaps(), pack: Packs.builtin)
    #expect(a.knowledgeGaps.count >= 5)
    let questions = a.managementQuestions
    let raisedByAnswers = questions.filter { !$0.statements.isEmpty }
    #expect(Set(raisedByAnswers.flatMap(\.statements)) == Set(a.knowledgeGaps))
    // Sickness absence measures no finding: its statements raise the absence question.
    #expect(raisedByAnswers.contains { $0.question.id == "mq-absence" })
    for q in raisedByAnswers {
      // The question is the content's, for a finding its statements measure (or naming the
      // statement itself), and never the statement restated.
      let measured = Set(q.statements.flatMap { a.pack.question($0)?.measures.map(\.finding) ?? [] })
      #expect(!measured.isDisjoint(with: q.question.findings) || Set(q.statements).isSubset(of: q.question.statements))
      for s in q.statements { #expect(a.pack.question(s)?.text.da != q.question.text.da) }
    }
    // Call scoring carries biometric signals, performance scoring and monitoring: the scope asks.
    let scopeIDs = questions.filter { !$0.useCases.isEmpty }.map(\.question.id)
    #expect(scopeIDs.contains("mq-scope-emotions"))
    #expect(scopeIDs.contains("mq-scope-high-risk"))
    #expect(scopeIDs.contains("mq-scope-instructions"))
    #expect(questions.allSatisfy { $0.record.status == .open })
  }

  /// The emotion question is asked of call scoring (biometric signals) only while the scope entry's
  /// `infers_emotions` is open: not asked or "don't know" asks; a yes or a no settles it.
  @Test(arguments: [InfersEmotions?.none, .dontKnow, .yes, .no])
  func theEmotionQuestionIsAskedOnlyWhileTheScopeLeavesItOpen(_ answer: InfersEmotions?) throws {
    var session = try Fixture.callCentre.session
    let scope = try #require(session.scope)
    let i = try #require(scope.firstIndex { $0.useCase == "call-scoring" })
    session.scope![i].infersEmotions = answer
    let questions = Assessment(session: session, pack: Packs.builtin).managementQuestions
    let emotions = questions.first { $0.question.id == "mq-scope-emotions" }
    let open = answer == nil || answer == .dontKnow
    #expect((emotions != nil) == open, "infers_emotions \(String(describing: answer))")
    if open { #expect(emotions?.useCases.contains("call-scoring") == true) }
    // The other scope questions turn on other flags and stay.
    #expect(questions.contains { $0.question.id == "mq-scope-high-risk" })
  }

  /// A legal basis is named only where the content gives one and the item applies to the scope.
  @Test func aQuestionNamesALegalBasisOnlyWhereTheContentGivesOne() throws {
    let a = try Fixture.callCentre.assessment
    let applying = Set(a.flags.map(\.item.id))
    for q in a.managementQuestions {
      #expect(q.basis.map(\.id) == q.question.basis.filter { applying.contains($0) })
    }
    // The recruitment point of Annex III does not apply to call scoring, so the letter does not cite it.
    let highRisk = try #require(a.managementQuestions.first { $0.question.id == "mq-scope-high-risk" })
    #expect(!highRisk.basis.map(\.id).contains("ai-act-annex-iii-4a"))
    #expect(highRisk.basis.map(\.id).contains("ai-act-annex-iii-4b"))
    for language in Language.allCases {
      let w = wording(language)
      let md = MarkdownReport.render(a, language: language, part: .questions)
      let withBasis = ReportBuilder.letterQuestions(a).filter { !$0.basis.isEmpty }.count
      let marker = w("letter.basis", ["basis": ""])
      #expect(md.components(separatedBy: marker).count - 1 == withBasis)
      #expect(withBasis > 0 && withBasis < ReportBuilder.letterQuestions(a).count)
    }
  }

  /// The letter: addressed, who asks, the system, numbered questions with whom to ask, a reply line.
  @Test func theLetterIsAddressedAndNumbered() throws {
    var session = try Fixture.callCentre.session
    let gapQuestion = try #require(Assessment(session: session, pack: Packs.builtin).managementQuestions.last)
    session.setQuestionRecord(QuestionRecord(id: gapQuestion.question.id, due: "2025-04-01", askedBy: "Jonas Ravn"))
    let a = Assessment(session: session, pack: Packs.builtin)
    for language in Language.allCases {
      let w = wording(language)
      let md = MarkdownReport.render(a, language: language, part: .questions)
      #expect(md.contains(w("letter.title")))
      #expect(md.contains(w("letter.to", ["workplace": "Nordlys Forsyning A/S, Kundeservice, team 1–4"])))
      #expect(md.contains(w("letter.from", ["askers": "Jonas Ravn"])))
      #expect(md.contains("Samtalescore i CallInsight"))
      #expect(md.contains(w("letter.due", ["due": "2025-04-01"])))
      let open = ReportBuilder.letterQuestions(a)
      // The number is escaped, so that Markdown does not start a list of its own.
      for (n, q) in open.enumerated() { #expect(md.contains("**\(n + 1)\\.** **\(q.question.text[language])**")) }
      #expect(md.components(separatedBy: w("letter.reply")).count - 1 == open.count)
      // The working papers are not in the letter.
      #expect(!md.contains(w("papers.heading")))
    }
  }

  /// Answered and withdrawn questions leave the letter and are counted in a line; the summary says
  /// how many are open and overdue as of the assessment's date.
  @Test func answeredQuestionsLeaveTheLetterAndTheSummaryCountsOpenAndOverdue() throws {
    var session = try Fixture.callCentre.session
    let all = Assessment(session: session, pack: Packs.builtin).managementQuestions
    session.setQuestionRecord(QuestionRecord(id: all[0].question.id, status: .answered, answer: QuestionAnswer(gist: "Nej", date: "2025-03-20")))
    session.setQuestionRecord(QuestionRecord(id: all[1].question.id, status: .withdrawn))
    session.setQuestionRecord(QuestionRecord(id: all[2].question.id, due: "2025-03-01"))  // before about.date 2025-03-12
    session.setQuestionRecord(QuestionRecord(id: all[3].question.id, due: "2025-04-01"))
    let a = Assessment(session: session, pack: Packs.builtin)
    #expect(a.questionCounts.open == all.count - 2)
    #expect(a.questionCounts.overdue == 1)
    let w = wording(.da)
    let md = MarkdownReport.render(a, language: .da, part: .questions)
    #expect(!md.contains(all[0].question.text.da))
    #expect(!md.contains(all[1].question.text.da))
    #expect(md.contains(w("letter.answered-elsewhere", ["count": "2"])))
    let summary = MarkdownReport.render(a, language: .da, part: .summary)
    #expect(summary.contains(w("summary.questions", ["open": String(all.count - 2), "overdue": "1", "date": "2025-03-12"])))
    let json = try JSONSerialization.jsonObject(with: JSONReport.render(a, language: .en, part: .questions)) as? [String: Any]
    let questions = json?["questions"] as? [[String: Any]] ?? []
    #expect(questions.count == all.count)
    #expect(questions.filter { $0["overdue"] as? Bool == true }.count == 1)
    #expect(questions.compactMap { $0["number"] as? Int } == Array(1...(all.count - 2)))
    let csv = CSVReport.render(a, language: .da, part: .questions)
    #expect(csv.contains("Nej"))
    #expect(csv.contains(w("mq.status.withdrawn")))
  }

  /// A questions file survives a save and a read, and a record no answer raises any more is kept.
  @Test func aRecordedQuestionSurvivesTheFileAndOutlivesItsAnswer() throws {
    var session = try Fixture.callCentre.session
    let gap = try #require(Assessment(session: session, pack: Packs.builtin).managementQuestions.first { !$0.statements.isEmpty })
    session.setQuestionRecord(
      QuestionRecord(id: gap.question.id, due: "2025-04-01", askedBy: "AMR", status: .answered, answer: QuestionAnswer(gist: "Svar", date: "2025-03-30")))
    let decoded = try Session.decode(session.encoded())
    #expect(decoded.questions == session.questions)
    #expect(try session.encoded() == decoded.encoded(), "written again byte for byte")
    // The statements are answered now: the question is no longer raised, but its record stays.
    var answered = decoded
    for s in gap.statements { for v in answered.voices { answered.setAnswer(Answer(.point(3)), question: s, voice: v.id) } }
    let after = Assessment(session: answered, pack: Packs.builtin).managementQuestions.first { $0.question.id == gap.question.id }
    #expect(after?.raised == false)
    #expect(after?.record.answer?.gist == "Svar")
  }

  /// The follow-up: a later round that answers two questions shows them answered, and points out
  /// an answered one whose statement is still "ved ikke".
  @Test func aFollowUpRoundThatAnswersTwoShowsThemAnswered() throws {
    let old = try Fixture.callCentre.session
    let questions = Assessment(session: old, pack: Packs.builtin).managementQuestions
    var new = old
    new.about.date = "2025-09-12"
    let byAnswers = questions.filter { !$0.statements.isEmpty }
    let first = try #require(byAnswers.first), second = try #require(byAnswers.dropFirst().first)
    for q in [first, second] {
      new.setQuestionRecord(QuestionRecord(id: q.question.id, status: .answered, answer: QuestionAnswer(gist: "Svar på \(q.question.id)", date: "2025-05-01")))
    }
    // The first question's statements are answered now; the second's stay "ved ikke".
    for s in first.statements { for v in new.voices { new.setAnswer(Answer(.point(2)), question: s, voice: v.id) } }
    let c = RoundComparison(old: Assessment(session: old, pack: Packs.builtin), new: Assessment(session: new, pack: Packs.builtin))
    let followUps = c.questions
    #expect(followUps.count == questions.count)
    #expect(followUps.filter { $0.record.status == .answered }.map(\.previous.question.id) == [first.question.id, second.question.id])
    #expect(followUps.first { $0.previous.question.id == first.question.id }?.answeredButStillUnknown == false)
    #expect(followUps.first { $0.previous.question.id == second.question.id }?.answeredButStillUnknown == true)
    for language in Language.allCases {
      let w = wording(language)
      let md = RoundsMarkdown.comparison(c, language: language)
      #expect(md.contains(w("rounds.questions.heading")))
      #expect(md.contains(w("rounds.questions.count", ["answered": "2", "count": String(questions.count)])))
      #expect(md.contains("Svar på \(first.question.id) (2025-05-01)"))
      #expect(md.components(separatedBy: w("rounds.questions.still-unknown", ["count": String(second.statements.count)])).count - 1 == 1)
    }
  }

  // MARK: The agenda

  /// The times add up to the meeting's length for any length and any weights.
  @Test(arguments: [10, 45, 60, 61, 90, 480])
  func theAgendaTimesAddUpToTheMinutes(_ minutes: Int) throws {
    let a = try Fixture.callCentre.assessment
    let r = ReportContext(a, .da)
    let items = ReportBuilder.agendaItems(r)
    let times = ReportBuilder.shareOut(minutes, weights: items.map(\.weight))
    #expect(times.reduce(0, +) == minutes)
    #expect(times.allSatisfy { $0 >= 0 })
    let json = try JSONSerialization.jsonObject(with: JSONReport.render(a, language: .en, part: .agenda, minutes: minutes)) as? [String: Any]
    let listed = (json?["items"] as? [[String: Any]] ?? []).compactMap { $0["minutes"] as? Int }
    #expect(listed.reduce(0, +) == minutes)
    let md = MarkdownReport.render(a, language: .da, part: .agenda, minutes: minutes)
    #expect(md.contains("| " + wording(.da)("agenda.total") + " | " + String(minutes) + " |"))
    for weights in [[1], [3, 2, 2, 4, 3, 2, 1], [1, 1, 1], [7, 1]] {
      #expect(ReportBuilder.shareOut(minutes, weights: weights).reduce(0, +) == minutes)
    }
  }

  /// The agenda holds the decisions, the disagreements largest first with both voices' answers,
  /// the highest risks and the open questions.
  @Test func theAgendaHoldsDecisionsDisagreementsRisksAndQuestions() throws {
    let a = try Fixture.callCentre.assessment
    let w = wording(.da)
    let md = MarkdownReport.render(a, language: .da, part: .agenda)
    #expect(md.contains(w("agenda.approve")))
    #expect(md.contains(w("agenda.risks")))
    #expect(md.contains(w("agenda.questions")))
    let largest = try #require(a.disagreements.max { $0.spread < $1.spread })
    #expect(md.contains(w.question(largest.question)))
    #expect(md.contains("Ledelsen: ") && md.contains("Medarbejderne: "))
    #expect(md.contains(w.shortFinding(a.topFindings(1)[0].finding.id)))
  }

  // MARK: The fingerprint

  /// Every export of an approved session carries its fingerprint; a change after approval shows.
  @Test func everyExportCarriesTheFingerprintAndAChangeAfterApprovalShows() throws {
    var session = try Fixture.callCentre.session
    session.approve(by: [Participant(name: "Jonas Ravn", role: "amr")], date: "2025-03-12")
    #expect(session.approvalState == .unchanged)
    let short = try #require(ApprovalFingerprint.short(session))
    #expect(short.count == 12 && short.allSatisfy(\.isHexDigit))
    // The wizard's place, the approval itself and the questions' follow-up are not content.
    var moved = session
    moved.cursor = "plan"
    moved.approval?.date = "2025-03-13"
    moved.setQuestionRecord(QuestionRecord(id: "mq-scope-emotions", status: .answered))
    #expect(ApprovalFingerprint.short(moved) == short)
    #expect(moved.approvalState == .unchanged)
    let a = Assessment(session: session, pack: Packs.builtin)
    for format in ReportFormat.allCases {
      for part in ReportPart.allCases {
        let data = format.render(a, language: .da, part: part)
        #expect(ReportFingerprint.find(in: data) == short, "\(format) \(part)")
      }
    }
    // Changed after approval: the export says so, and carries the new fingerprint.
    var changed = session
    for voice in changed.voices { changed.setAnswer(Answer(.point(4)), question: a.knowledgeGaps[0], voice: voice.id) }
    #expect(changed.approvalState == .changed)
    let now = try #require(ApprovalFingerprint.short(changed))
    #expect(now != short)
    let md = MarkdownReport.render(Assessment(session: changed, pack: Packs.builtin), language: .da)
    #expect(md.contains(wording(.da)("fingerprint.changed", ["approved": short, "current": now])))
    #expect(ReportFingerprint.find(in: Data(md.utf8)) == now)
  }

  /// The fingerprint is the documented SHA-256 of the canonical content: checked against sha256sum.
  @Test(.enabled(if: Tool.shouldRun("sha256sum"), "sha256sum is not installed (coreutils)"))
  func theFingerprintIsTheSHA256OfTheCanonicalContent() throws {
    guard let sha256sum = Tool.require("sha256sum") else { return }
    let session = try Fixture.callCentre.session
    let file = try Tool.temporaryFile(String(decoding: try ApprovalFingerprint.canonicalContent(session), as: UTF8.self), suffix: ".json")
    defer { try? FileManager.default.removeItem(at: file) }
    let out = String(decoding: try Tool.run(sha256sum, [file.path]).stdout, as: UTF8.self)
    #expect(out.hasPrefix(try ApprovalFingerprint.sha256(session) + " "))
  }
}

/// The letter and the agenda as the rep and the committee get them: Word read by python-docx and
/// printed by LibreOffice, Markdown parsed by cmark-gfm.
@Suite struct ManagementPartsConsumerTests {
  @Test(.enabled(if: Tool.shouldRun("cmark-gfm"), "cmark-gfm is not installed (apt-get install -y cmark-gfm)"))
  func cmarkReadsTheLetterAndTheAgenda() throws {
    guard let cmark = Tool.require("cmark-gfm") else { return }
    let a = Assessment(session: try ManagementQuestionsTests.callCentreWithGaps(), pack: Packs.builtin)
    for language in Language.allCases {
      let w = wording(language)
      let letter = try ParsedMarkdown(cmark: cmark, MarkdownReport.render(a, language: language, part: .questions))
      #expect(letter.headings.first == ParsedMarkdown.Heading(level: 1, text: w("letter.title")))
      #expect(letter.listItems.contains { $0.hasPrefix(w("letter.ask", ["ask": ""])) })
      let agenda = try ParsedMarkdown(cmark: cmark, MarkdownReport.render(a, language: language, part: .agenda))
      let table = try #require(agenda.tables.first)
      #expect(table.header == [w("letter.number"), w("agenda.item"), w("agenda.minutes")])
      let minutes = table.rows.dropLast().compactMap { Int($0[2]) }
      #expect(minutes.reduce(0, +) == defaultMeetingMinutes)
    }
  }

  @Test(.enabled(if: DocxPython.shouldRun, "python-docx is not installed (apt-get install -y python3-docx)"))
  func pythonDocxReadsTheLetter() throws {
    let python = try #require(DocxPython.interpreter, "python-docx is not installed (apt-get install -y python3-docx)")
    let a = Assessment(session: try ManagementQuestionsTests.callCentreWithGaps(), pack: Packs.builtin)
    for language in Language.allCases {
      let file = try Docx.temporaryFile(DocxReport.render(a, language: language, part: .questions))
      defer { try? FileManager.default.removeItem(at: file) }
      let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))"
      let result = try Tool.run(python, ["-c", script, file.path])
      #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
      let text = String(decoding: result.stdout, as: UTF8.self)
      let w = wording(language)
      #expect(text.contains(w("letter.title")))
      for (n, q) in ReportBuilder.letterQuestions(a).enumerated() { #expect(text.contains("\(n + 1). \(q.question.text[language])")) }
    }
  }

  @Test(.enabled(if: Tool.shouldRun("soffice") && Tool.shouldRun("pdfinfo"), "LibreOffice or poppler-utils is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils)"))
  func libreOfficePrintsTheLetterOnTwoPagesAndTheAgendaOnOne() throws {
    guard let soffice = Tool.require("soffice"), let pdfinfo = Tool.require("pdfinfo") else { return }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-mq-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = Assessment(session: try ManagementQuestionsTests.callCentreWithGaps(), pack: Packs.builtin)
    var files: [(name: String, limit: Int)] = []
    for language in Language.allCases {
      for (part, limit) in [(ReportPart.questions, 2), (.agenda, 1)] {
        let name = "call-centre-\(language.rawValue)-\(part.rawValue)"
        try DocxReport.render(a, language: language, part: part).write(to: dir.appendingPathComponent(name + ".docx"))
        files.append((name, limit))
      }
    }
    try Tool.convertToPDF(soffice, files.map(\.name), in: dir)
    for file in files {
      let pages = try Tool.pages(pdfinfo, dir.appendingPathComponent(file.name + ".pdf"))
      let count = try #require(pages, "pdfinfo gave no page count for \(file.name)")
      #expect(count >= 1 && count <= file.limit, "\(file.name): \(count) pages, at most \(file.limit)")
    }
  }
}
