import IglooContent
import IglooStore

/// Looks up interface strings in the pack's string table, in one language.
public struct Localizer: Sendable {
  /// The pack whose strings are used.
  public let pack: ContentPack
  /// The language.
  public let language: Language

  /// Creates a localizer.
  public init(pack: ContentPack, language: Language) {
    self.pack = pack
    self.language = language
  }

  /// The string `key` with `{name}` placeholders filled from `values`.
  public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
    values.isEmpty ? pack.string(key, language) : pack.string(key, language, values)
  }

  /// A phrase of igloo's own from a lower layer (a store error), in this language, in the
  /// built-in words: a `--content` pack changes the assessment, not igloo's messages.
  public func callAsFunction(_ phrase: Phrase) -> String { StoreError.say(phrase, language) }

  /// A status-line message in this language, its phrases (a store error) said in it too.
  public func callAsFunction(_ message: Message) -> String {
    guard !message.parts.isEmpty else { return self(message.key, message.values) }
    var values = message.values
    for (name, phrase) in message.parts { values[name] = self(phrase) }
    return self(message.key, values)
  }

  /// A localized text from the content, in this language.
  public func callAsFunction(_ text: LocalizedText) -> String { text[language] }

  /// A score as a whole number, rounded down like the report does, so that a figure shown always
  /// lies in the band shown beside it.
  public func number(_ value: Double) -> String { String(Int(value.rounded(.down))) }

  /// A percentage, e.g. "40 %" in Danish and "40%" in English.
  public func percent(_ value: Double) -> String { self("wizard.format.percent", ["n": number(value)]) }
}

/// A message on the status line, kept as a key so that it follows a language switch.
public struct Message: Sendable, Hashable {
  /// The string key.
  public var key: String
  /// Values for its placeholders.
  public var values: [String: String]
  /// Placeholders filled with a phrase of a lower layer (a store error), said in whatever
  /// language is chosen when the message is shown, so that F2 changes it too.
  public var parts: [String: Phrase]
  /// How it is shown: `.good`, `.error`, `.risk` (a warning) or `.dim`.
  public var style: CellStyle

  /// Creates a message.
  public init(_ key: String, _ values: [String: String] = [:], parts: [String: Phrase] = [:], style: CellStyle = .dim) {
    self.key = key
    self.values = values
    self.parts = parts
    self.style = style
  }
}
