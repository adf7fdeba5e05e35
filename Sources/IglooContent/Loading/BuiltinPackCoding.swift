import Foundation

/// The form in which the built-in pack is compiled into the binary: JSON with the model's own keys.
///
/// The build-time tool encodes the validated pack with ``encode(_:)``; the binary decodes it with
/// ``decode(_:)`` at first use, which is much faster than parsing the YAML again.
public enum BuiltinPackCoding {
  /// The pack as compact JSON.
  public static func encode(_ pack: ContentPack) throws -> Data {
    let encoder = JSONEncoder()
    // Sorted, so that the same Content/ gives the same bytes and the target is not rebuilt for nothing.
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(pack)
  }

  /// The pack from the JSON of ``encode(_:)``.
  public static func decode(_ data: Data) throws -> ContentPack {
    try JSONDecoder().decode(ContentPack.self, from: data)
  }
}
