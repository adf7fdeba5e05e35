import IglooContent

/// The footer: the keys that work here, generated from the binding tables in force.
enum Footer {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    let stack = state.contexts
    var x = 1
    for (keys, label) in state.footerMemo.items(stack, { items(state, stack: stack) }) {
      let keyText = KeyLabel.join(keys, t)
      let width = Text.width(keyText) + 1 + Text.width(t(label))
      guard x + width <= rect.width else { continue }
      x += grid.put(keyText, in: rect, row: 0, column: x, style: .title)
      x += 1
      x += grid.put(t(label), in: rect, row: 0, column: x, style: .dim)
      x += 2
    }
  }

  /// The footer's entries in order: help first (so it always shows), then what is specific to
  /// this screen, then the rest of the global keys.
  static func items(_ state: WizardState, stack: [BindingContext]) -> [([Key], String)] {
    // Reading what is cut off comes right after help, so it shows at every width.
    var actions: [WizardAction] = [.help, .readFull]
    for context in stack.filter({ $0 != .global }) + [.global] {
      for action in KeyBindings.footer(context) where !actions.contains(action) { actions.append(action) }
    }
    return actions.compactMap { action in
      let keys = KeyBindings.keys(for: action, in: stack)
      guard !keys.isEmpty else { return nil }
      // The footer names one key per action (two for the scale's range); help lists them all.
      let ranged = [WizardAction.answer(1).nameKey, WizardAction.pick(1).nameKey].contains(action.nameKey)
      let shown = ranged ? keys : [keys[0]]
      return (shown, action.nameKey)
    }
  }
}

/// How keys are written for people: arrows as arrows, the space bar by name, and 1/2/3/4/5 as 1–5.
enum KeyLabel {
  static func label(_ key: Key, _ t: Localizer) -> String {
    switch key {
    case .character(" "): t("wizard.key.space")
    case .control(let c): t("wizard.key.ctrl", ["key": String(c).uppercased()])
    default: key.description
    }
  }

  static func join(_ keys: [Key], _ t: Localizer) -> String {
    let digits = keys.compactMap { key -> Int? in
      if case .character(let c) = key, let d = c.wholeNumberValue { return d }
      return nil
    }
    if digits.count > 2, digits.count == keys.count, digits == Array(digits[0]...(digits[0] + digits.count - 1)) {
      return "\(digits.first!)–\(digits.last!)"
    }
    return keys.map { label($0, t) }.joined(separator: "/")
  }
}
