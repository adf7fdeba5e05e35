import Foundation

/// Paths inside the repository, found from this file's location so tests run from any folder.
public enum Repository {
  /// The repository's root folder.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
