import Foundation
import IglooContent

/// Content packs for tests.
public enum TestPacks {
  /// The real pack, read from Content/ (identical to the built-in one; a test checks that).
  public static let real: ContentPack = {
    let (loaded, diagnostics) = try! PackLoader.load(directory: Repository.root.appendingPathComponent("Content"))
    precondition(diagnostics.isEmpty, "Content/ has problems: \(diagnostics.map(\.description))")
    return loaded.pack
  }()
}
