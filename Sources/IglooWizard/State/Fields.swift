import IglooContent
import IglooEngine
import IglooReport

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
  /// How a choice's stored value is shown.
  public func choiceLabel(_ field: FieldID, _ value: String) -> String {
    let t = localizer
    switch field {
    case .sector: return value.isEmpty ? t("wizard.about.sector.none") : pack.sector(value).map { t($0.name) } ?? value
    case .participantRole, .approverRole: return pack.role(value).map { t($0.name) } ?? value
    case .planLevel: return pack.level(value).map { t($0.name) } ?? value
    case .planStatus: return t("wizard.status.\(value)")
    case .exportFormat: return t("wizard.export.format.\(value)")
    case .exportPart: return t("wizard.export.part.\(value)")
    case .questionStatus: return t("report.mq.status.\(value)")
    default: return value
    }
  }

  /// The stored value of `field`, as text.
  public func value(_ field: FieldID) -> String {
    guard let session else {
      if field == .exportPath { return exportPath }
      if field == .exportPart { return exportPart.rawValue }
      return ""
    }
    let record = managementQuestionEditing.map { session.questionRecord($0) }
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
    case .exportPart: return exportPart.rawValue
    case .exportPath: return exportPath
    case .questionDue: return record?.due ?? ""
    case .questionAskedBy: return record?.askedBy ?? ""
    case .questionStatus: return record?.status.rawValue ?? ""
    case .questionGist: return record?.answer?.gist ?? ""
    case .questionAnswerDate: return record?.answer?.date ?? ""
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
    case .exportPart:
      setExportPart(ReportPart(rawValue: text) ?? .all)
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
    case .questionDue, .questionAskedBy, .questionStatus, .questionGist, .questionAnswerDate:
      guard let id = managementQuestionEditing else { return false }
      var record = s.questionRecord(id)
      var answer = record.answer ?? QuestionAnswer()
      switch field {
      case .questionDue: record.due = text.trimmingCharacters(in: .whitespaces)
      case .questionAskedBy: record.askedBy = text
      case .questionStatus: record.status = QuestionStatus(rawValue: text) ?? record.status
      case .questionGist: answer.gist = text
      default: answer.date = text.trimmingCharacters(in: .whitespaces)
      }
      record.answer = answer.gist.isEmpty && answer.date.isEmpty ? nil : answer
      s.setQuestionRecord(record)
    default: return false
    }
    let changed = s != session
    session = s
    return changed
  }
}
