import Foundation
import Testing

/// Whether golden files are being re-recorded: `IGLOO_RECORD=1 swift test`.
///
/// Recording is opt-in so that a changed output can never silently become the new truth; the
/// diff of the golden files then shows in review what changed.
public var isRecordingGoldens: Bool { ProcessInfo.processInfo.environment["IGLOO_RECORD"] == "1" }

/// Compares `text` byte for byte with the golden file `named` in `directory`, or writes it there
/// when ``isRecordingGoldens``.
///
/// A mismatch is reported with the first line that differs, which is usually enough to see what
/// changed without opening both files.
public func assertGolden(
  _ text: String, named name: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
  assertGolden(Data(text.utf8), named: name, in: directory, sourceLocation: sourceLocation)
}

/// Compares `data` byte for byte with the golden file `named` in `directory`, or records it.
public func assertGolden(
  _ data: Data, named name: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = directory.appendingPathComponent(name)
  if isRecordingGoldens {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      Issue.record("cannot record golden file \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "golden file \(url.path) is missing; run the tests with IGLOO_RECORD=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  guard expected != data else { return }
  Issue.record(
    "\(name) differs from its golden file: \(firstDifference(expected, data)); re-record with IGLOO_RECORD=1 if the change is intended",
    sourceLocation: sourceLocation)
}

/// The first line where two texts differ, as "line N: expected … got …".
func firstDifference(_ expected: Data, _ actual: Data) -> String {
  let a = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
  let b = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
  for i in 0..<max(a.count, b.count) {
    let x = i < a.count ? a[i] : "<end of file>"
    let y = i < b.count ? b[i] : "<end of file>"
    if x != y { return "line \(i + 1): expected \(x.debugDescription), got \(y.debugDescription)" }
  }
  return "the bytes differ (\(expected.count) expected, \(actual.count) written)"
}
