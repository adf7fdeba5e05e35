import IglooContent
import IglooEngine

/// A field of one of the wizard's forms, or a note edited in place.
public enum FieldID: Sendable, Hashable {
  /// About: the workplace.
  case workplace
  /// About: the unit or department.
  case unit
  /// About: the sector (a choice).
  case sector
  /// About: the number of employees (digits only).
  case employees
  /// About: the date of the assessment.
  case date
  /// About: a participant's name.
  case participantName(Int)
  /// About: a participant's role (a choice).
  case participantRole(Int)
  /// About: the button that adds a participant.
  case addParticipant
  /// About: a voice's name.
  case voiceName(Int)
  /// About: the button that adds a voice.
  case addVoice
  /// Action plan: what.
  case planTitle
  /// Action plan: the IGLOO level (own actions).
  case planLevel
  /// Action plan: who is responsible.
  case planResponsible
  /// Action plan: the deadline.
  case planDeadline
  /// Action plan: how.
  case planHow
  /// Action plan: when the effect is followed up.
  case planFollowUp
  /// Action plan: how the effect is evaluated.
  case planEvaluation
  /// Action plan: the status (a choice).
  case planStatus
  /// Plan approval: the name of the approver with this index.
  case approverName(Int)
  /// Plan approval: the approver's role (a choice).
  case approverRole(Int)
  /// Plan approval: the button that adds an approver.
  case addApprover
  /// Plan approval: the date of approval.
  case approvalDate
  /// Follow-up: the next review.
  case nextReview
  /// Follow-up: the previous round's file.
  case previousRound
  /// Export: the format (a choice).
  case exportFormat
  /// Export: the path.
  case exportPath
  /// Export: the button.
  case exportButton
  /// Questions: the note to the question with this id.
  case note(String)
  /// Scope: what the workplace calls the use case with this id.
  case scopeNote(String)
  /// About (and a training case being opened): the workshop group's name.
  case group

  /// How the field is edited.
  public var kind: FieldKind {
    switch self {
    case .sector, .participantRole, .planLevel, .planStatus, .exportFormat, .approverRole: .choice
    case .addParticipant, .addVoice, .exportButton, .addApprover: .button
    case .employees: .number
    default: .text
    }
  }

  /// Whether the field holds a date, read with ``CalendarDate/init(typed:)`` and stored as ISO.
  public var isDate: Bool {
    switch self {
    case .date, .planDeadline, .planFollowUp, .nextReview, .approvalDate: true
    default: false
    }
  }

  /// The interface string of its label.
  public var labelKey: String {
    switch self {
    case .group: "wizard.about.group"
    case .workplace: "wizard.about.workplace"
    case .unit: "wizard.about.unit"
    case .sector: "wizard.about.sector"
    case .employees: "wizard.about.employees"
    case .date: "wizard.about.date"
    case .participantName: "wizard.about.participant"
    case .participantRole: "wizard.about.role"
    case .addParticipant: "wizard.about.add-participant"
    case .voiceName: "wizard.about.voice"
    case .addVoice: "wizard.about.add-voice"
    case .planTitle: "wizard.plan.field.title"
    case .planLevel: "wizard.plan.field.level"
    case .planResponsible: "wizard.plan.field.responsible"
    case .planDeadline: "wizard.plan.field.deadline"
    case .planHow: "wizard.plan.field.how"
    case .planFollowUp: "wizard.plan.field.follow-up"
    case .planEvaluation: "wizard.plan.field.evaluation"
    case .planStatus: "wizard.plan.field.status"
    case .approverName: "wizard.approval.name"
    case .approverRole: "wizard.about.role"
    case .addApprover: "wizard.approval.add"
    case .approvalDate: "wizard.approval.date"
    case .nextReview: "wizard.follow-up.next-review"
    case .previousRound: "wizard.follow-up.previous-round"
    case .exportFormat: "wizard.export.format"
    case .exportPath: "wizard.export.path"
    case .exportButton: "wizard.export.button"
    case .note: "wizard.questions.note"
    case .scopeNote: "wizard.scope.note"
    }
  }
}

/// How a field takes input.
public enum FieldKind: Sendable, Hashable {
  /// Free text, any Unicode.
  case text
  /// Digits only.
  case number
  /// One of a fixed list, cycled with the arrow keys.
  case choice
  /// Pressed with Enter.
  case button
}

/// The text being edited and the field it belongs to.
public struct FieldEditor: Sendable, Hashable {
  /// The field.
  public var field: FieldID
  /// The text and cursor.
  public var buffer: TextBuffer
  /// The value before editing began, to tell whether anything changed and to undo on Esc.
  public var original: String

  /// Starts editing `field` holding `value`.
  public init(field: FieldID, value: String) {
    self.field = field
    buffer = TextBuffer(value)
    original = value
  }
}

extension WizardState {
  /// The fields of the About form, which grow with the participants and voices.
  public var aboutFields: [FieldID] {
    var out: [FieldID] = [.workplace, .unit, .sector, .employees, .date]
    // A workshop group's session names its group first; an ordinary assessment has no such field.
    if let about = session?.about, !about.group.isEmpty || !about.trainingCase.isEmpty { out.insert(.group, at: 0) }
    for i in (session?.about.participants ?? []).indices { out += [.participantName(i), .participantRole(i)] }
    out.append(.addParticipant)
    for i in (session?.voices ?? []).indices { out.append(.voiceName(i)) }
    out.append(.addVoice)
    return out
  }

  /// The fields of the action editor: own actions also choose their level.
  public var planEditorFields: [FieldID] {
    let own = planEditorItem.map { session?.plan[$0].action == nil } ?? false
    return own
      ? [.planTitle, .planLevel, .planResponsible, .planDeadline, .planHow, .planFollowUp, .planEvaluation, .planStatus]
      : [.planTitle, .planResponsible, .planDeadline, .planHow, .planFollowUp, .planEvaluation, .planStatus]
  }

  /// The fields of the approval form, which grow with the approvers.
  public var approvalFields: [FieldID] {
    var out: [FieldID] = []
    for i in (session?.approval?.by ?? []).indices { out += [.approverName(i), .approverRole(i)] }
    return out + [.addApprover, .approvalDate]
  }

  /// The fields of the follow-up form.
  public var followUpFields: [FieldID] { [.nextReview, .previousRound] }

  /// The fields of the export form.
  public var exportFields: [FieldID] { [.exportFormat, .exportPath, .exportButton] }

  /// The options of a choice field, as stored values.
  public func choices(_ field: FieldID) -> [String] {
    switch field {
    case .sector: [""] + pack.info.sectors.map(\.id)
    case .participantRole, .approverRole: pack.info.roles.map(\.id)
    case .planLevel: pack.levels.map(\.id)
    case .planStatus: PlanStatus.allCases.map(\.rawValue)
    case .exportFormat: ExportFormat.allCases.map(\.rawValue)
    default: []
    }
  }

  /// How a choice's stored value is shown.
  public func choiceLabel(_ field: FieldID, _ value: String) -> String {
    let t = localizer
    switch field {
    case .sector: return value.isEmpty ? t("wizard.about.sector.none") : pack.sector(value).map { t($0.name) } ?? value
    case .participantRole, .approverRole: return pack.role(value).map { t($0.name) } ?? value
    case .planLevel: return pack.level(value).map { t($0.name) } ?? value
    case .planStatus: return t("wizard.status.\(value)")
    case .exportFormat: return t("wizard.export.format.\(value)")
    default: return value
    }
  }

  /// The stored value of `field`, as text.
  public func value(_ field: FieldID) -> String {
    guard let session else {
      if field == .exportPath { return exportPath }
      return ""
    }
    let about = session.about
    let item = planEditorItem.map { session.plan[$0] }
    switch field {
    case .group: return about.group
    case .workplace: return about.workplace
    case .unit: return about.unit
    case .sector: return about.sector
    case .employees: return about.employees.map(String.init) ?? ""
    case .date: return about.date
    case .participantName(let i): return about.participants.indices.contains(i) ? about.participants[i].name : ""
    case .participantRole(let i): return about.participants.indices.contains(i) ? about.participants[i].role : ""
    case .voiceName(let i): return session.voices.indices.contains(i) ? session.voices[i].name : ""
    case .addParticipant, .addVoice, .exportButton, .addApprover: return ""
    case .approverName(let i): return session.approval.map { $0.by.indices.contains(i) ? $0.by[i].name : "" } ?? ""
    case .approverRole(let i): return session.approval.map { $0.by.indices.contains(i) ? $0.by[i].role : "" } ?? ""
    case .approvalDate: return session.approval?.date ?? ""
    case .planTitle: return item?.title ?? ""
    case .planLevel: return item?.level ?? ""
    case .planResponsible: return item?.responsible ?? ""
    case .planDeadline: return item?.deadline ?? ""
    case .planHow: return item?.how ?? ""
    case .planFollowUp: return item?.followUp ?? ""
    case .planEvaluation: return item?.evaluation ?? ""
    case .planStatus: return item?.status.rawValue ?? ""
    case .nextReview: return session.followUp.nextReview
    case .previousRound: return session.followUp.previousRound
    case .exportFormat: return exportFormat.rawValue
    case .exportPath: return exportPath
    case .note(let q): return note(for: q)
    case .scopeNote(let u): return session.scope?.first { $0.useCase == u }?.note ?? ""
    }
  }

  /// Stores `text` in `field`; returns whether the session changed (and so must be saved).
  @discardableResult
  mutating func setValue(_ text: String, for field: FieldID) -> Bool {
    switch field {
    case .exportFormat:
      setExportFormat(ExportFormat(rawValue: text) ?? .markdown)
      return false
    case .exportPath:
      exportPath = text
      return false
    default: break
    }
    guard var s = session else { return false }
    let planIndex = planEditorItem
    switch field {
    case .group: s.about.group = text.trimmingCharacters(in: .whitespaces)
    case .workplace: s.about.workplace = text
    case .unit: s.about.unit = text
    case .sector: s.about.sector = text
    case .employees: s.about.employees = Int(text.filter(\.isASCII))
    case .date: s.about.date = text.trimmingCharacters(in: .whitespaces)
    case .participantName(let i) where s.about.participants.indices.contains(i): s.about.participants[i].name = text
    case .participantRole(let i) where s.about.participants.indices.contains(i): s.about.participants[i].role = text
    case .voiceName(let i) where s.voices.indices.contains(i): s.voices[i].name = text
    case .planTitle: if let p = planIndex { s.plan[p].title = text }
    case .planLevel: if let p = planIndex { s.plan[p].level = text }
    case .planResponsible: if let p = planIndex { s.plan[p].responsible = text }
    case .planDeadline: if let p = planIndex { s.plan[p].deadline = text }
    case .planHow: if let p = planIndex { s.plan[p].how = text }
    case .planFollowUp: if let p = planIndex { s.plan[p].followUp = text }
    case .planEvaluation: if let p = planIndex { s.plan[p].evaluation = text }
    case .planStatus: if let p = planIndex, let st = PlanStatus(rawValue: text) { s.plan[p].status = st }
    case .approverName(let i) where s.approval?.by.indices.contains(i) == true: s.approval!.by[i].name = text
    case .approverRole(let i) where s.approval?.by.indices.contains(i) == true: s.approval!.by[i].role = text
    case .approvalDate: if s.approval != nil { s.approval!.date = text.trimmingCharacters(in: .whitespaces) }
    case .nextReview: s.followUp.nextReview = text.trimmingCharacters(in: .whitespaces)
    case .previousRound: s.followUp.previousRound = text
    case .note(let q): return setNote(text, for: q)
    case .scopeNote(let u):
      if let i = s.scope?.firstIndex(where: { $0.useCase == u }) { s.scope?[i].note = text }
    default: return false
    }
    let changed = s != session
    session = s
    return changed
  }
}
