import Foundation
import IglooContent
import IglooEngine
import IglooReport

/// A re-scoring after a measure is done: which plan line, and each triggering finding's figure
/// (residual risk, or untapped opportunity) before the statements were answered again.
public struct Rescore: Sendable, Hashable {
  /// The plan line set to done.
  public var planIndex: Int
  /// Finding id and its figure before, in the order of the action's reasons.
  public var before: [Finding]
  /// The mitigation or realisation statements to answer again.
  public var questions: [String]

  /// One finding's figure before.
  public struct Finding: Sendable, Hashable {
    /// The finding's id.
    public var id: String
    /// Its figure before (nil: not scored then).
    public var score: Double?
    /// Whether the figure is an untapped opportunity rather than a residual risk.
    public var opportunity: Bool
  }
}

/// Everything the wizard shows and edits, as a value: the step, the focus on each screen, the
/// session being edited, the language, the text being typed and the last message.
///
/// It changes only through ``handle(_:)`` (a key) and the `did…` methods (the outcome of an
/// effect the runner carried out), so a test can drive it key by key without a terminal.
public struct WizardState: Sendable {
  /// The content.
  public let pack: ContentPack
  /// The assessment of the session, remembered for the session it was computed from: the review,
  /// profile and plan screens need it for every frame and every key, and computing it again was a
  /// quarter of a keystroke.
  let assessmentMemo = AssessmentMemo()
  /// The footer's keys and labels, remembered for the binding stack they were worked out from:
  /// finding every key of every action in the tables was a fifth of a keystroke.
  let footerMemo = FooterMemo()
  /// Text wrapped to a width, remembered for the text and the width: the question screen wrapped
  /// the same guidance again on every frame, a tenth of a keystroke.
  let wrapMemo = WrapMemo()
  /// The assessment of the previous round read on the Follow-up step, remembered for its session
  /// as ``assessmentMemo`` is for this one: the comparison needs it on every frame.
  let previousAssessmentMemo = AssessmentMemo()
  /// The comparison with the previous round, remembered for the two sessions it compares.
  let comparisonMemo = RoundComparisonMemo()
  /// The review's list, remembered for the session, the language and the width it was made for.
  let reviewMemo = LastValueMemo<ReviewScreen.ReviewKey, ReviewScreen.Layout>()
  /// Today, for a new session and the follow-up hint.
  public var today: String
  /// The interface language; switching it changes nothing else.
  public var language: Language
  /// The step on screen.
  public var step: Step = .start
  /// What is drawn over the step, if anything.
  public var overlay: Overlay?
  /// The screen size, set by the runner before each key; below the minimum only a few keys work.
  public var viewport = WizardLayout.targetSize

  /// The session being edited; nil only on the start screen before one is opened.
  public var session: Session?
  /// Where the session is saved.
  public var handle: SessionHandle?
  /// The sessions offered on the start screen.
  public var savedSessions: [SavedSession] = []
  /// Set when the start screen is shown again and the list may have changed.
  public var sessionListStale = true

  /// The text field being edited.
  public var editor: FieldEditor?
  /// The status line.
  public var message: Message?
  /// Why the last save failed; nil once a save succeeds. Shown in the header until then.
  public var saveError: Phrase?
  /// Set once the user has been asked and still wants to quit with unsaved changes.
  public var quitConfirmed = false
  /// Set when the wizard is done.
  public var finished = false

  /// Start: the selected entry.
  public var startSelection = 0
  /// About: the focused field.
  public var aboutFocus = 0
  /// Scope: the selected use case.
  public var scopeSelection = 0
  /// Questions: the level shown.
  public var questionLevel: String
  /// Questions: the question shown (nil: the level's first).
  public var questionID: String?
  /// Sickness absence: the question shown.
  public var absenceID: String?
  /// Questions: the highlighted answer, 0–4 for the scale, 5 "don't know", 6 "not relevant".
  public var highlight = 0
  /// Questions: who answers.
  public var voice: VoiceChoice = .voice(Voice.single.id)
  /// Notes typed before the question was answered, by question id; they join the answer. Kept
  /// in the session (``Session/pendingNotes``), so that they are saved and survive a kill.
  public var pendingNotes: [String: String] {
    get { session?.pendingNotes ?? [:] }
    set { session?.pendingNotes = newValue }
  }
  /// Review: the selected entry.
  public var reviewSelection = 0
  /// Set when a statement was opened from the review: answering it goes back there.
  public var returnToReview = false
  /// Plan: the selected entry.
  public var planSelection = 0
  /// Plan: the action being edited (its index in `session.plan`), or nil for the list.
  public var planEditorItem: Int?
  /// Plan editor: the focused field.
  public var planEditorFocus = 0
  /// Plan: whether the approval form is open over the list.
  public var approvalEditing = false
  /// Approval form: the focused field.
  public var approvalFocus = 0
  /// Plan: whether the questions to management are listed over the plan.
  public var managementQuestionsShown = false
  /// Questions to management: the selected question.
  public var managementQuestionSelection = 0
  /// Questions to management: the question being edited (its content id), or nil for the list.
  public var managementQuestionEditing: String?
  /// Question editor: the focused field.
  public var managementQuestionFocus = 0
  /// Whether the approval in the session is still being filled in or waits for the user's yes:
  /// it is then not saved (``savableSession``), since an approval nobody confirmed is no approval.
  public var approvalUnconfirmed = false
  /// The approval as it was before the form was opened: what is saved meanwhile, and what comes
  /// back when the user does not confirm.
  public var approvalBeforeForm: Approval?

  /// The session as it may be saved now: with an approval that waits for confirmation left out
  /// (the one before the form opened in its place).
  public var savableSession: Session? {
    guard approvalUnconfirmed, var s = session else { return session }
    s.approval = approvalBeforeForm
    return s
  }
  /// The re-scoring under way after an action was set to done: its findings' figures before.
  public var rescore: Rescore?
  /// Follow-up: the focused field.
  public var followUpFocus = 0
  /// Follow-up: the previous round last read (its path and session, or why it failed).
  public var previousRound: PreviousRound?
  /// Export: the focused field.
  public var exportFocus = 0
  /// Export: the chosen format.
  public var exportFormat: ExportFormat = ExportFormat.offered[0]
  /// Export: which part of the report: all of it, the summary, the questions to management, the agenda.
  public var exportPart: ReportPart = .all
  /// Export: the path typed.
  public var exportPath = ""
  /// Export: what became of the last attempt.
  public var exportResult: ExportResult?

  /// A wizard on the start screen, in `language`.
  public init(pack: ContentPack, language: Language, today: String) {
    self.pack = pack
    self.language = language
    self.today = today
    questionLevel = pack.levels.first?.id ?? ""
  }

  /// The string table in the current language.
  public var localizer: Localizer { Localizer(pack: pack, language: language) }

  /// The selected voice's display name ("agreed" for the agreed answer).
  public var voiceName: String {
    switch voice {
    case .agreed: return localizer("wizard.voice.agreed")
    case .voice(let id):
      guard let session, let i = session.voices.firstIndex(where: { $0.id == id }) else { return "" }
      return displayName(ofVoice: i)
    }
  }

  /// The name of voice number `index`, or "Voice 2" when it has none.
  public func displayName(ofVoice index: Int) -> String {
    guard let session, session.voices.indices.contains(index) else { return "" }
    let name = session.voices[index].name
    return name.isEmpty ? localizer("wizard.voice.unnamed", ["n": String(index + 1)]) : name
  }

  /// The assessment of the session as it stands.
  ///
  /// Remembered between frames for the session it was computed from, so it is never stale: any
  /// change to the session (an answer, a note, the scope) makes the next call compute it again.
  public var assessment: Assessment? { session.map { assessmentMemo.assessment($0, pack) } }
}

/// The last ``Assessment`` computed, keyed by the whole session it was computed from.
///
/// A class, so that the copies of a ``WizardState`` share it; keying on the session itself (not a
/// revision count) makes a shared answer safe even when two copies have gone different ways. The
/// pack needs no key: it is a constant of the state that made the memo, and its copies share it.
/// Comparing an unchanged session is cheap, because the remembered one shares its storage.
final class AssessmentMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var last: Assessment?

  /// The assessment of `session` against `pack`.
  func assessment(_ session: Session, _ pack: ContentPack) -> Assessment {
    lock.lock()
    defer { lock.unlock() }
    if let last, last.session == session { return last }
    let fresh = Assessment(session: session, pack: pack)
    last = fresh
    return fresh
  }
}

extension WizardState {
  /// The questions the session asks (``Session/applicableQuestions(_:)``), from the pack's scoring
  /// index: quick enough to work out on every frame (docs/decisions.md, "One scoring core").
  func applicableQuestions(_ session: Session) -> [Question] { session.applicableQuestions(pack) }

  /// How many questions the session's scope asks in a quick scan and in full.
  func depthCounts(_ session: Session) -> (quick: Int, full: Int) { session.questionCounts(pack) }

  /// How many of the questions the session asks are answered, and how many it asks
  /// (``Session/progress(_:)``).
  func progress(_ session: Session) -> (answered: Int, total: Int) {
    let applicable = applicableQuestions(session)
    let answered = session.answeredQuestionIDs
    return (applicable.filter { answered.contains($0.id) }.count, applicable.count)
  }
}

/// The footer entries worked out lately, keyed by the binding stack they were worked out from.
///
/// The binding tables are constants, so the entries are a function of the stack alone; a class, so
/// that the copies of a ``WizardState`` share it, as ``AssessmentMemo`` is. It keeps the
/// last few stacks, not just one: moving through a form goes between a text field, a choice and a
/// button, each with its own keys, and a memo of one missed on every such key.
final class FooterMemo: @unchecked Sendable {
  /// More stacks than one screen's fields and overlays go through.
  static let capacity = 8
  private let lock = NSLock()
  private var known: [(stack: [BindingContext], items: [([Key], String)])] = []

  /// The entries for `stack`, from `compute` when it is not one of the stacks remembered.
  func items(_ stack: [BindingContext], _ compute: () -> [([Key], String)]) -> [([Key], String)] {
    lock.lock()
    defer { lock.unlock() }
    if let hit = known.first(where: { $0.stack == stack }) { return hit.items }
    let items = compute()
    if known.count >= Self.capacity { known.removeFirst() }
    known.append((stack, items))
    return items
  }
}

/// Lines of ``Text/wrap(_:width:)`` remembered by text and width.
///
/// The key is the whole text and the width, so an answer is never stale; a screen wraps a handful
/// of texts a frame, and the memo forgets everything once it holds more than it needs, so it stays
/// small however many texts a session shows. A class, so that the copies of a ``WizardState``
/// share it, as ``AssessmentMemo`` is.
final class WrapMemo: @unchecked Sendable {
  private struct Key: Hashable {
    var text: String
    var width: Int
  }
  /// More than the texts of any one frame, so that a frame never evicts its own lines.
  static let capacity = 64
  private let lock = NSLock()
  private var lines: [Key: [String]] = [:]

  /// `text` wrapped to `width` cells, as ``Text/wrap(_:width:)`` wraps it.
  func lines(_ text: String, _ width: Int) -> [String] {
    let key = Key(text: text, width: width)
    lock.lock()
    defer { lock.unlock() }
    if let known = lines[key] { return known }
    let fresh = Text.wrap(text, width: width)
    if lines.count >= Self.capacity { lines.removeAll(keepingCapacity: true) }
    lines[key] = fresh
    return fresh
  }

  /// How many wrappings are remembered, for tests.
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return lines.count
  }
}

/// The last ``RoundComparison`` made, keyed by the two whole sessions it compares, so it is never
/// stale; a class, so that the copies of a ``WizardState`` share it, as ``AssessmentMemo`` is.
final class RoundComparisonMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var last: (old: Session, new: Session, comparison: RoundComparison)?

  /// The comparison of `old` with `new`, from `compute` when either differs from the last pair.
  func comparison(_ old: Session, _ new: Session, _ compute: () -> RoundComparison) -> RoundComparison {
    lock.lock()
    defer { lock.unlock() }
    if let last, last.old == old, last.new == new { return last.comparison }
    let fresh = compute()
    last = (old, new, fresh)
    return fresh
  }
}

/// The last value made, keyed by everything it was made from; a class, so that the copies of a
/// ``WizardState`` share it, as ``AssessmentMemo`` is, and the key makes a shared answer safe.
final class LastValueMemo<Key: Equatable, Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var last: (key: Key, value: Value)?

  /// The value for `key`, from `compute` when `key` differs from the last one.
  func value(_ key: Key, _ compute: () -> Value) -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let last, last.key == key { return last.value }
    let fresh = compute()
    last = (key, fresh)
    return fresh
  }
}
