import IglooContent

extension CalendarDate {
  /// Reads a date as people type it: ISO `2027-12-31`, or the Danish forms `31-12-2027`,
  /// `31.12.2027`, `31/12/2027` and `31/12 2027` (day and month may have one digit). Nil for
  /// anything else, such as "næste uge", or for a day the calendar does not have.
  ///
  /// Every date field of the wizard and of plain mode reads its input through this one function
  /// and stores the result as ISO, so a session file only ever holds `YYYY-MM-DD`.
  public init?(typed text: String) {
    let trimmed = text.trimmedSpaces
    if let iso = CalendarDate(trimmed) {
      self = iso
      return
    }
    // Day first: the separator between day and month, then between month and year.
    let pieces = CalendarDate.split(trimmed)
    guard let (d, sep1, m, sep2, y) = pieces else { return nil }
    let sameSeparator = sep1 == sep2 && ["-", ".", "/"].contains(sep1)
    let slashThenSpace = sep1 == "/" && sep2 == " "
    guard sameSeparator || slashThenSpace,
      (1...2).contains(d.count), (1...2).contains(m.count), y.count == 4,
      let day = Int(d), let month = Int(m), let year = Int(y),
      (1...12).contains(month), day >= 1, day <= CalendarDate.days(in: month, year)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Splits `31/12 2027` into digits and the two separators between them; nil unless the text is
  /// exactly digits, one separator, digits, one separator, digits.
  private static func split(_ text: String) -> (String, Character, String, Character, String)? {
    var groups: [String] = [""]
    var separators: [Character] = []
    for c in text {
      if c.isASCII && c.isNumber {
        groups[groups.count - 1].append(c)
      } else {
        guard !groups[groups.count - 1].isEmpty else { return nil }
        separators.append(c)
        groups.append("")
      }
    }
    guard groups.count == 3, separators.count == 2, !groups[2].isEmpty else { return nil }
    return (groups[0], separators[0], groups[1], separators[1], groups[2])
  }
}

/// A date field of the session, named as the session check and the wizard's messages name it.
public enum DateField: String, Sendable, Hashable, CaseIterable {
  /// The assessment's date (About).
  case about = "about.date"
  /// A plan item's deadline.
  case deadline
  /// A plan item's follow-up date.
  case followUp = "follow_up"
  /// The next review (Follow-up step).
  case nextReview = "follow_up.next_review"
  /// The date the plan was approved.
  case approval = "approval.date"
  /// When a question to management is to be answered.
  case questionDue = "questions.due"
  /// When a question to management was answered.
  case questionAnswered = "questions.answer.date"
}

/// What is wrong, though not fatal, with a plan item's dates.
public enum PlanDateWarning: String, Sendable, Hashable, CaseIterable {
  /// The deadline lies before today.
  case deadlineInPast = "deadline-in-past"
  /// The follow-up lies before the deadline: the effect cannot be followed up before the measure is in.
  case followUpBeforeDeadline = "follow-up-before-deadline"
}

extension PlanItem {
  /// The warnings on this item's dates, given today's date; dates that are empty or unreadable
  /// give none (the check refuses unreadable ones on their own).
  public func dateWarnings(today: CalendarDate?) -> [PlanDateWarning] {
    var out: [PlanDateWarning] = []
    let due = CalendarDate(deadline)
    if let due, let today, due < today, [.accepted, .inProgress, .suggested].contains(status) {
      out.append(.deadlineInPast)
    }
    if let due, let follow = CalendarDate(followUp), follow < due { out.append(.followUpBeforeDeadline) }
    return out
  }

  /// The fields an accepted or in-progress action still needs before an APV can use it:
  /// `responsible` and `deadline`, in that order. Empty for every other status.
  public var missing: [String] {
    guard status == .accepted || status == .inProgress else { return [] }
    var out: [String] = []
    if responsible.trimmedSpaces.isEmpty { out.append("responsible") }
    if deadline.trimmedSpaces.isEmpty { out.append("deadline") }
    return out
  }

  /// Whether the action is accepted or in progress but lacks a responsible person or a deadline.
  public var isIncomplete: Bool { !missing.isEmpty }
}

extension Session {
  /// Every date the file holds that is neither empty nor `YYYY-MM-DD`, each named by its place
  /// (`plan[2].deadline`), for the session check.
  public var unreadableDates: [(place: String, value: String)] {
    var out: [(String, String)] = []
    // The place is only spelled out for a bad date: this runs for every session a roll-up reads.
    func check(_ value: String, _ place: @autoclosure () -> String) {
      if !value.isEmpty && CalendarDate(value) == nil { out.append((place(), value)) }
    }
    check(about.date, DateField.about.rawValue)
    for (i, item) in plan.enumerated() {
      check(item.deadline, "plan[\(i)].deadline")
      check(item.followUp, "plan[\(i)].follow_up")
    }
    check(followUp.nextReview, DateField.nextReview.rawValue)
    if let approval { check(approval.date, DateField.approval.rawValue) }
    for (i, record) in questions.enumerated() {
      check(record.due, "questions[\(i)].due")
      if let answer = record.answer { check(answer.date, "questions[\(i)].answer.date") }
    }
    return out
  }
}

extension String {
  /// The text without white space (Character.isWhitespace) at either end; the engine does
  /// without Foundation.
  ///
  /// Found from both ends, not through `reversed()`: a ReversedCollection of a Substring is
  /// generic code the runtime instantiates at first use, a search of every protocol conformance
  /// in the binary (about 0.1 ms) for each of the types it needs.
  var trimmedSpaces: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = lastIndex(where: { !$0.isWhitespace })!
    return String(self[first...last])
  }
}

extension Session {
  /// The indices of the plan's accepted or in-progress actions that lack a responsible person or
  /// a deadline, in plan order: what the Plan screen, the Review step and every export mark.
  public var incompletePlanItems: [Int] { plan.indices.filter { plan[$0].isIncomplete } }
}
