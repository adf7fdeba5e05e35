/// A set of key bindings that is active in some situation: while a list has focus, while text is
/// typed, on the questions screen, in an overlay. The state machine stacks several, most specific
/// first, and the first that binds a key wins.
public enum BindingContext: String, Sendable, Hashable, CaseIterable {
  /// Works everywhere, even while typing: function and control keys only.
  case global
  /// Single-letter commands that work wherever nothing is being typed.
  case command
  /// Moving through a list.
  case list
  /// The start screen.
  case start
  /// Moving between the fields of a form.
  case form
  /// The About form: participants and voices can be removed.
  case about
  /// Editing the text field that has focus.
  case textField
  /// A field with a fixed set of options.
  case choiceField
  /// A button in a form.
  case buttonField
  /// A note typed in its own line (a question's note, a use case's local name).
  case noteEditing
  /// The scope checklist.
  case scope
  /// A quick scan's offer to deepen findings, on the Review and Profile steps.
  case deepen
  /// Answering a question.
  case questions
  /// The review list.
  case review
  /// The action plan list.
  case plan
  /// The fields of one action.
  case planEditor
  /// The questions to management, listed over the plan.
  case managementQuestions
  /// The export form.
  case export
  /// The help overlay.
  case help
  /// The list of steps.
  case stepMenu
  /// The list of IGLOO levels.
  case levelPicker
  /// A yes/no question.
  case confirm
  /// A training case being opened: its story, and the group's name being typed.
  case caseIntro
  /// A training case's story, shown again during the work.
  case caseStory
  /// The "make the window larger" screen.
  case tooSmall
  /// A screen whose text is cut off: one key opens it in full (a letter where nothing is typed).
  case readMore
  /// The same in a form, where letters are typed: only the function key.
  case readMoreInForm
  /// The full text of what is cut off, scrolled.
  case fullText
}

/// The declarative key tables, like dialog's bindings: each context maps keys to actions, and the
/// footer and help screen are generated from the same tables, so they always show keys that work.
public enum KeyBindings {
  /// The keys of `context`, in the order the help screen lists them.
  public static func table(_ context: BindingContext) -> KeyValuePairs<Key, WizardAction> {
    switch context {
    case .global:
      [
        .function(1): .help,
        .function(2): .switchLanguage, .control("l"): .switchLanguage,
        .pageDown: .nextStep, .control("n"): .nextStep,
        .pageUp: .previousStep, .control("p"): .previousStep,
        .function(3): .goToStep, .control("g"): .goToStep,
        .function(4): .showCase,
        .control("q"): .quit, .control("c"): .quit, .function(10): .quit,
      ]
    case .command:
      [.character("?"): .help, .character("q"): .quit, .character("c"): .showCase]
    case .list:
      [
        .up: .previousItem, .character("k"): .previousItem,
        .down: .nextItem, .character("j"): .nextItem,
        .home: .firstItem, .end: .lastItem,
      ]
    case .start:
      [.enter: .activate, .character(" "): .activate]
    case .form:
      [
        .tab: .nextField, .down: .nextField, .enter: .nextField,
        .backTab: .previousField, .up: .previousField,
      ]
    case .about:
      [.control("d"): .removeRow]
    case .textField:
      [
        .left: .cursorLeft, .right: .cursorRight,
        .home: .cursorStart, .control("a"): .cursorStart,
        .end: .cursorEnd, .control("e"): .cursorEnd,
        .backspace: .deleteBackward, .delete: .deleteForward,
        .control("u"): .clearToStart, .control("k"): .clearToEnd,
      ]
    case .choiceField:
      [.right: .nextChoice, .character(" "): .nextChoice, .left: .previousChoice]
    case .buttonField:
      [.enter: .activate, .character(" "): .activate]
    case .noteEditing:
      [.enter: .commitEdit, .tab: .commitEdit, .escape: .cancelEdit]
    case .scope:
      [
        .character(" "): .toggleUseCase, .enter: .toggleUseCase,
        .right: .nextStage, .character("s"): .nextStage, .left: .previousStage,
        .character("e"): .editScopeNote, .character("d"): .toggleDepth, .character("f"): .cycleInfersEmotions,
      ]
    case .deepen:
      [.character("u"): .deepenScreened, .character("U"): .deepenAll]
    case .questions:
      [
        .character("1"): .answer(1), .character("2"): .answer(2), .character("3"): .answer(3),
        .character("4"): .answer(4), .character("5"): .answer(5),
        .character("d"): .dontKnow, .character("n"): .notRelevant,
        .up: .previousItem, .character("k"): .previousItem,
        .down: .nextItem, .character("j"): .nextItem,
        .enter: .activate, .character(" "): .activate,
        .left: .previousQuestion, .right: .nextQuestion,
        .tab: .editNote, .character("e"): .editNote,
        .backspace: .clearAnswer, .delete: .clearAnswer,
        .character("g"): .chooseLevel, .character("v"): .nextVoice,
      ]
    case .review:
      [.enter: .activate]
    case .plan:
      [
        .character("a"): .accept, .character("x"): .reject, .character("s"): .cycleStatus,
        .enter: .editAction, .character("e"): .editAction,
        .character("+"): .addOwnAction, .character("o"): .addOwnAction,
        .delete: .deleteAction, .character("f"): .markInPlace, .character("g"): .approvePlan,
        .character("m"): .showManagementQuestions,
      ]
    case .planEditor:
      [.escape: .close]
    case .managementQuestions:
      [.enter: .editAction, .character("e"): .editAction, .escape: .close, .character("m"): .close]
    case .export:
      [.enter: .export]
    case .help:
      // Only the keys that opened it close it: PgDn scrolls here, it does not leave the step.
      [
        .escape: .close, .character("?"): .close, .function(1): .close,
        .up: .previousItem, .down: .nextItem, .pageDown: .nextPage, .pageUp: .previousPage,
        .character("k"): .previousItem, .character("j"): .nextItem, .character(" "): .nextPage,
        .home: .firstItem, .end: .lastItem,
      ]
    case .fullText:
      [
        .escape: .close, .function(5): .close, .character("r"): .close, .enter: .close, .character("q"): .close,
        .up: .previousItem, .down: .nextItem, .pageDown: .nextPage, .pageUp: .previousPage,
        .character("k"): .previousItem, .character("j"): .nextItem, .character(" "): .nextPage,
        .home: .firstItem, .end: .lastItem,
      ]
    case .readMore:
      [.character("r"): .readFull, .function(5): .readFull]
    case .readMoreInForm:
      [.function(5): .readFull]
    case .stepMenu:
      [
        .enter: .activate, .escape: .close,
        .character("1"): .pick(1), .character("2"): .pick(2), .character("3"): .pick(3),
        .character("4"): .pick(4), .character("5"): .pick(5), .character("6"): .pick(6),
        .character("7"): .pick(7), .character("8"): .pick(8), .character("9"): .pick(9),
      ]
    case .levelPicker:
      // The levels' own shortcut letters are looked up in the content (see `handle`).
      [.enter: .activate, .escape: .close]
    case .caseIntro:
      [.enter: .startCase, .escape: .close, .up: .previousItem, .down: .nextItem]
    case .caseStory:
      [
        .escape: .close, .enter: .close, .character("q"): .close, .character("c"): .close, .function(4): .close,
        .up: .previousItem, .character("k"): .previousItem, .down: .nextItem, .character("j"): .nextItem,
      ]
    case .confirm:
      [.character("j"): .confirm, .character("y"): .confirm, .enter: .confirm, .character("n"): .deny, .escape: .deny]
    case .tooSmall:
      [
        .function(2): .switchLanguage, .control("l"): .switchLanguage,
        // No plain `q`: the letter may be part of a word typed into a field while the window shrinks.
        .control("q"): .quit, .control("c"): .quit, .function(10): .quit,
      ]
    }
  }

  /// The actions the footer names in `context`, most useful first; the footer shows as many as fit.
  public static func footer(_ context: BindingContext) -> [WizardAction] {
    switch context {
    case .global: [.help, .nextStep, .previousStep, .switchLanguage, .quit]
    case .command: []
    case .list: []
    case .start: [.activate]
    case .form: [.nextField]
    case .about: [.removeRow]
    case .textField: []
    case .choiceField: [.nextChoice]
    case .buttonField: [.activate]
    case .noteEditing: [.commitEdit, .cancelEdit]
    // The key for emotions (f) is named on the line that asks it, beside the use case, not here.
    case .scope: [.toggleUseCase, .nextStage, .toggleDepth, .editScopeNote]
    case .deepen: [.deepenScreened, .deepenAll]
    case .questions: [.answer(1), .dontKnow, .notRelevant, .editNote, .nextQuestion, .chooseLevel, .nextVoice]
    case .review: [.activate]
    case .plan: [.accept, .reject, .editAction, .cycleStatus, .addOwnAction, .markInPlace, .approvePlan, .showManagementQuestions]
    case .planEditor: [.close]
    case .managementQuestions: [.editAction, .close]
    case .export: [.export]
    case .help: [.close, .nextPage]
    case .fullText: [.close, .nextPage, .previousPage]
    case .readMore, .readMoreInForm: [.readFull]
    case .stepMenu: [.pick(1), .activate, .close]
    case .levelPicker: [.activate, .close]
    case .confirm: [.confirm, .deny]
    case .caseIntro: [.startCase, .nextItem, .close]
    case .caseStory: [.close, .nextItem]
    case .tooSmall: [.quit, .switchLanguage]
    }
  }

  /// Every action some table binds, once each, for checks that every action has words.
  public static var allActions: [WizardAction] {
    var out: [WizardAction] = []
    for context in BindingContext.allCases {
      for (_, action) in table(context) where !out.contains(action) { out.append(action) }
    }
    return out
  }

  /// The action `key` means in the stack of `contexts` (most specific first), or nil.
  public static func action(for key: Key, in contexts: [BindingContext]) -> WizardAction? {
    for context in contexts {
      if let hit = table(context).first(where: { $0.key == key }) { return hit.value }
    }
    return nil
  }

  /// The keys bound to actions named like `action` in `contexts`, in table order, counting only
  /// keys that are not taken by a more specific context (so the footer never promises a key that
  /// another table shadows).
  public static func keys(for action: WizardAction, in contexts: [BindingContext]) -> [Key] {
    var out: [Key] = []
    for context in contexts {
      for (key, bound) in table(context) where bound.nameKey == action.nameKey && !out.contains(key) {
        if self.action(for: key, in: contexts)?.nameKey == action.nameKey { out.append(key) }
      }
    }
    return out
  }

  /// One line of the help screen: an action and every key that does it.
  public struct Entry: Sendable, Hashable {
    /// The action (for the scale, the first point stands for all five).
    public var action: WizardAction
    /// The keys, in table order.
    public var keys: [Key]
  }

  /// The help lines of `context` within the stack `contexts`: each action once, with the keys
  /// that really reach it from this stack.
  public static func entries(_ context: BindingContext, in contexts: [BindingContext]) -> [Entry] {
    var out: [Entry] = []
    for (_, action) in table(context) where !out.contains(where: { $0.action.nameKey == action.nameKey }) {
      let keys = keys(for: action, in: contexts).filter { key in
        table(context).contains { $0.key == key && $0.value.nameKey == action.nameKey }
      }
      if !keys.isEmpty { out.append(Entry(action: action, keys: keys)) }
    }
    return out
  }
}
