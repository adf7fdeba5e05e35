/// A sentence of igloo's own, kept as a string key and its values so that it can be said in
/// either language when it is shown, not when it is made.
///
/// The layers below the wizard and the command line (the store, the engine) do not know the
/// user's language; they describe what went wrong as a phrase, and whoever shows it picks the
/// words. A value may itself be a phrase (``parts``), said in the same language.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
  /// The key in the string tables (Content/strings).
  public var key: String
  /// Values for the key's `{name}` placeholders, inserted as they are (a path, an id, a number).
  public var values: [String: String]
  /// Placeholders filled with another phrase, in the same language.
  public var parts: [String: Phrase]

  /// Creates a phrase.
  public init(_ key: String, _ values: [String: String] = [:], parts: [String: Phrase] = [:]) {
    self.key = key
    self.values = values
    self.parts = parts
  }

  /// The phrase in `language`, its words from `strings`; the key itself where the table lacks
  /// it, so that a gap shows (and the string tests fail).
  public func text(_ language: Language, strings: [String: LocalizedText]) -> String {
    var filled = values
    for (name, part) in parts { filled[name] = part.text(language, strings: strings) }
    return Placeholders.fill(strings[key]?[language] ?? key, filled)
  }

  /// The key and its values, for logs and test failures; users see ``text(_:strings:)``.
  public var description: String {
    let all = values.merging(parts.mapValues(\.description)) { a, _ in a }
    return all.isEmpty ? key : "\(key) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))"
  }
}
