import Foundation

/// The test fixtures of this target.
enum Fixtures {
  /// The URL of `name` inside Fixtures/.
  static func url(_ name: String) -> URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
  }
}
