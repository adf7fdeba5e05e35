extension WizardState {
  /// The binding contexts in force, most specific first: this decides what every key does, and
  /// the footer and help screen read the same stack.
  public var contexts: [BindingContext] {
    if WizardLayout.isTooSmall(viewport) { return [.tooSmall] }
    switch overlay {
    case .help?: return [.help, .global]
    case .stepMenu?: return [.stepMenu, .list, .global]
    case .levelPicker?: return [.levelPicker, .list, .global]
    case .confirm?: return [.confirm, .global]
    case .trainingCase(_, _, let naming)?: return naming ? [.caseIntro, .textField, .global] : [.caseStory, .global]
    case .fullText?: return [.fullText, .global]
    case nil: break
    }
    if let editor, editor.field.isInline { return [.noteEditing, .textField, .global] }
    switch step {
    case .start:
      let onCase = startEntries.indices.contains(startSelection) && { if case .trainingCase = startEntries[startSelection] { true } else { false } }()
      return [.start] + (onCase ? [.readMore] : []) + [.list, .command, .global]
    case .about:
      var stack = formContexts(Flow.fields(.about, in: self), aboutFocus)
      if Flow.fields(.about, in: self).indices.contains(aboutFocus), Flow.fields(.about, in: self)[aboutFocus].isRemovableRow {
        stack.insert(.about, at: stack.count - 1)
      }
      stack.insert(.readMoreInForm, at: stack.count - 1)
      return stack
    case .scope: return [.scope, .readMore, .list, .command, .global]
    case .questions, .absence:
      // A step with no statement for the scope (sickness absence, often) has nothing to answer
      // or read, so its footer offers only the step keys.
      return currentQuestion == nil ? [.command, .global] : [.questions, .readMore, .command, .global]
    case .review: return [.review] + deepenContext + [.readMore, .list, .command, .global]
    case .profile: return deepenContext + [.readMore, .command, .global]
    case .plan:
      if managementQuestionEditing != nil {
        return [.planEditor] + formContexts(Flow.fields(.questionEditor, in: self), managementQuestionFocus)
      }
      if managementQuestionsShown { return [.managementQuestions, .list, .command, .global] }
      if approvalEditing {
        var stack = [.planEditor] + formContexts(Flow.fields(.approval, in: self), approvalFocus)
        if Flow.fields(.approval, in: self).indices.contains(approvalFocus), Flow.fields(.approval, in: self)[approvalFocus].isRemovableRow {
          stack.insert(.about, at: stack.count - 1)
        }
        return stack
      }
      if planEditorItem != nil {
        var stack = [.planEditor] + formContexts(Flow.fields(.planEditor, in: self), planEditorFocus)
        stack.insert(.readMoreInForm, at: stack.count - 1)
        return stack
      }
      return [.plan, .readMore, .list, .command, .global]
    case .followUp: return formContexts(Flow.fields(.followUp, in: self), followUpFocus)
    case .export: return [.export] + formContexts(Flow.fields(.export, in: self), exportFocus)
    }
  }

  /// The deepening keys, offered only in a quick scan.
  private var deepenContext: [BindingContext] { session?.depth == .quick ? [.deepen] : [] }

  private func formContexts(_ fields: [FieldID], _ focus: Int) -> [BindingContext] {
    guard fields.indices.contains(focus) else { return [.form, .global] }
    switch fields[focus].kind {
    case .text, .number: return [.textField, .form, .global]
    case .choice: return [.choiceField, .form, .global]
    case .button: return [.buttonField, .form, .global]
    }
  }
}

extension FieldID {
  /// Whether the field belongs to a participant or a voice, which Ctrl-D removes.
  var isRemovableRow: Bool {
    switch self {
    case .participantName, .participantRole, .voiceName, .approverName, .approverRole: true
    default: false
    }
  }

  /// Whether the field is edited in its own line, opened and closed with a key, rather than
  /// being part of a form where focus alone starts the editing.
  var isInline: Bool {
    switch self {
    case .note, .scopeNote: true
    default: false
    }
  }
}
