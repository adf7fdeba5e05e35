import IglooContent
import IglooEngine

/// Which part of the report to write.
public enum ReportPart: String, Sendable, Hashable, CaseIterable {
  /// The summary followed by the working papers.
  case all
  /// The summary alone: at most three A4 pages for management and the APV folder.
  case summary
  /// The questions to management, as a letter the rep can send.
  case questions
  /// The agenda of the committee's meeting: one page, timed to `--minutes`.
  case agenda
}

/// The length of the committee's meeting the agenda is timed to, unless `--minutes` says otherwise.
public let defaultMeetingMinutes = 60

/// The assessment as a Markdown document for the minutes and the APV.
///
/// The output is CommonMark with GFM tables, renders on GitHub and GitLab (with a Mermaid
/// chart), and converts cleanly to Word with pandoc. It is a pure function of the assessment and
/// the language: no clock, no locale, no unordered iteration, so the same session gives the
/// same bytes.
public enum MarkdownReport {
  /// Renders `assessment` in `language`; every text comes from the content pack's string table.
  public static func render(
    _ assessment: Assessment, language: Language, part: ReportPart = .all, minutes: Int = defaultMeetingMinutes
  ) -> String {
    MarkdownRenderer.render(ReportBuilder.document(assessment, language, part: part, minutes: minutes))
  }
}

/// Builds the one document model every human-readable format renders: the summary first, then
/// the working papers (bilag) with everything the summary rests on.
enum ReportBuilder {
  /// The report of `assessment` in `language`, whole or the summary alone.
  static func document(
    _ assessment: Assessment, _ language: Language, part: ReportPart, minutes: Int = defaultMeetingMinutes
  ) -> ReportDocument {
    let r = ReportContext(assessment, language)
    var doc = ReportDocument()
    switch part {
    case .questions:
      questionsLetter(r, &doc)
      return doc
    case .agenda:
      agenda(r, minutes: minutes, &doc)
      return doc
    case .all, .summary: break
    }
    summary(r, &doc)
    guard part == .all else { return doc }
    doc.pageBreak()
    workingPapers(r, &doc)
    return doc
  }

  /// The working papers: every statement with answers and notes, the arithmetic, why we ask,
  /// the gaps, disagreements and set-aside answers, the method and the sources.
  static func workingPapers(_ r: ReportContext, _ doc: inout ReportDocument) {
    doc.heading(1, r.w("papers.heading"))
    doc.paragraph(r.w("papers.intro"))
    scopeDetails(r, &doc)
    profileDetails(r, &doc)
    screenings(r, &doc)
    levels(r, &doc)
    absence(r, &doc)
    planDetails(r, &doc)
    knowledgeGaps(r, &doc)
    unanswered(r, &doc)
    disagreements(r, &doc)
    setAside(r, &doc)
    flags(r, &doc)
    followUp(r, &doc)
    method(r, &doc)
    sources(r, &doc)
  }
}

/// What every section of a report needs: the assessment and the words to say it in.
struct ReportContext {
  /// The computed assessment.
  let assessment: Assessment
  /// The report's words.
  let w: Wording

  /// The ids of the questions the session asks (``Session/applicableQuestions(_:)``), worked out
  /// once: asking `Session.applies` for every statement of every finding worked them all out again
  /// each time, a quarter of `igloo report`.
  let applicable: Set<String>

  /// The action plan's rows (``PlanRow/plan(_:_:)``), worked out once: the summary and the plan
  /// section both show them, and each row words its reasons with their sources.
  let plan: [PlanRow]

  /// The findings whose figure rests on a median of voices who disagree (``Contested``), worked
  /// out once for every table that marks them.
  let contested: Set<String>

  /// The context for rendering `assessment` in `language`.
  init(_ assessment: Assessment, _ language: Language) {
    self.assessment = assessment
    self.w = Wording(pack: assessment.pack, language: language)
    self.applicable = Set(assessment.session.applicableQuestions(assessment.pack).map(\.id))
    self.plan = PlanRow.plan(assessment, w)
    self.contested = assessment.contestedFindings
  }

  /// Whether a figure of the level or technology `group` on the risk (or opportunity) side rests on
  /// a contested finding among those it aggregates.
  func isContested(group: String, risk: Bool) -> Bool {
    guard !contested.isEmpty else { return false }
    return assessment.findings.contains { f in
      contested.contains(f.finding.id) && (f.finding.level == group || f.finding.technology == group || group == "overall")
        && (risk ? f.finding.polarity.hasRisk : f.finding.polarity.hasOpportunity)
    }
  }

  /// `text` with the contested mark when `contested`.
  func marked(_ text: String, _ contested: Bool) -> String {
    contested ? w("contested.marked", ["figure": text]) : text
  }

  /// The content pack the assessment was computed with.
  var pack: ContentPack { assessment.pack }
  /// The session as the users entered it.
  var session: Session { assessment.session }
  /// The report's language.
  var language: Language { w.language }

  /// The questions that measure `finding` and apply in this scope, with the role each plays.
  func questions(measuring finding: String) -> [(question: Question, role: MeasureRole)] {
    pack.questions(measuring: finding).filter { applicable.contains($0.question.id) }
  }

  /// The score a question adds to its scale: the effective answer, reversed where the item is.
  func itemScore(_ question: Question) -> Double? {
    guard let score = session.effectiveAnswer(question.id, pack)?.score else { return nil }
    return question.reversed ? 100 - score : score
  }

  /// The findings a question measures, by their short titles.
  func findingTitles(of question: Question) -> String {
    question.measures.map { w.shortFinding($0.finding) }.joined(separator: "; ")
  }
}
