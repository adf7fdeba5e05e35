import Foundation

/// The JSON form of a loaded pack, for `igloo content dump`.
public enum ContentDump {
  /// The pack as pretty-printed JSON with sorted, snake_case keys and a final newline.
  public static func json(_ pack: ContentPack) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    var data = try encoder.encode(pack)
    data.append(0x0A)
    return data
  }
}
