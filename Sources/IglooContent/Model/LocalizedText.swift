/// A language the product speaks.
public enum Language: String, Codable, CaseIterable, Sendable, Hashable {
  case da
  case en

  /// Picks the language from a POSIX locale string such as `LANG=da_DK.UTF-8`; English otherwise.
  public static func fromLocale(_ value: String?) -> Language {
    guard let value, value.lowercased().hasPrefix("da") else { return .en }
    return .da
  }
}

/// A text in both of the product's languages.
public struct LocalizedText: Codable, Hashable, Sendable {
  /// The Danish text.
  public var da: String
  /// The English text.
  public var en: String

  /// Creates a text from its two translations.
  public init(da: String, en: String) {
    self.da = da
    self.en = en
  }

  /// The text in `language`.
  public subscript(_ language: Language) -> String {
    switch language {
    case .da: da
    case .en: en
    }
  }
}
