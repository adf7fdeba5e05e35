import IglooContent
import IglooEngine

/// What one line typed at a statement in line mode means.
///
/// Parsing is kept apart from the dialogue so that every spelling a user might type can be
/// tested without running the whole assessment.
enum PlainCommand: Equatable {
  /// An answer; `note` nil keeps the note already there, an empty note clears it.
  case answer(AnswerValue, note: String?)
  /// `# text` alone: a note for an answer already given.
  case noteOnly(String)
  /// Enter alone: leave the statement as it is.
  case skip
  /// `b`: the statement before.
  case back
  /// `?`: why we ask.
  case why
  /// `q`: stop here; everything is saved already.
  case quit
  /// `c`: the training case's story again.
  case showCase
  /// `v`: answer as the next voice (then the agreed answer), as in the wizard.
  case nextVoice
  /// Anything else.
  case invalid

  /// Reads one line: `1`–`5`, `d`, `n` (each optionally followed by `# note`), `# note`, `b`, `?`,
  /// `q`, or nothing.
  static func parse(_ line: String, scalePoints: Int = 5) -> PlainCommand {
    let trimmed = line.lineTrimmed
    var head = trimmed
    var note: String?
    if let hash = trimmed.firstIndex(of: "#") {
      head = String(trimmed[..<hash]).lineTrimmed
      note = String(trimmed[trimmed.index(after: hash)...]).lineTrimmed
    }
    if head.isEmpty { return note.map { .noteOnly($0) } ?? .skip }
    let word = head.lowercased()
    if let n = Int(word), word.allSatisfy(\.isASCII), (1...scalePoints).contains(n) { return .answer(.point(n), note: note) }
    switch word {
    case "d": return .answer(.dontKnow, note: note)
    case "n": return .answer(.notRelevant, note: note)
    // A note after a command is more likely a slip than an intention; say so rather than guess.
    case "b" where note == nil: return .back
    case "?" where note == nil: return .why
    case "q" where note == nil: return .quit
    case "c" where note == nil: return .showCase
    case "v" where note == nil: return .nextVoice
    default: return .invalid
    }
  }
}

/// What a line typed at the scope prompt means.
enum ScopeInput: Equatable {
  /// Enter alone: keep the scope as it is.
  case keep
  /// The use cases chosen, as 0-based positions in the pack's list, each with a stage if one was given.
  case choose([Choice])
  /// `q`: stop here.
  case quit
  /// A token that is not a number on the list.
  case badNumber(String)
  /// A stage word that is not a stage.
  case badStage(String)

  /// One chosen use case.
  struct Choice: Equatable {
    /// Its position in the pack's list.
    var index: Int
    /// The stage typed after a colon, if any.
    var stage: Stage?
  }

  /// Reads `1 12 18`, `1, 12:pilot`, `12 : i-brug`; `stages` maps each accepted word (lower case) to a stage.
  static func parse(_ line: String, count: Int, stages: [String: Stage]) -> ScopeInput {
    let trimmed = line.lineTrimmed
    if trimmed.isEmpty { return .keep }
    if trimmed.lowercased() == "q" { return .quit }
    // "12 : pilot" and "12: pilot" mean "12:pilot"; the spaces would otherwise split it in two.
    var text = ""
    for ch in trimmed {
      if ch == ":" {
        while text.last?.isWhitespace == true { text.removeLast() }
        text.append(ch)
      } else if ch.isWhitespace, text.last == ":" {
        continue
      } else {
        text.append(ch)
      }
    }
    var choices: [Choice] = []
    for token in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }) {
      let parts = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard let n = Int(parts[0]), parts[0].allSatisfy(\.isASCII), (1...count).contains(n) else {
        return .badNumber(parts[0].isEmpty ? String(token) : parts[0])
      }
      var stage: Stage?
      if parts.count == 2 {
        guard let s = stages[parts[1].lowercased()] else { return .badStage(parts[1]) }
        stage = s
      }
      choices.removeAll { $0.index == n - 1 }
      choices.append(Choice(index: n - 1, stage: stage))
    }
    return .choose(choices)
  }
}

extension String {
  /// Without the spaces, tabs and line ends (a `\r` from a Windows file) around it.
  var lineTrimmed: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
