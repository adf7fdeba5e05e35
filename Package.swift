// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first. Each module imports only the ones above it in this list:
//   IglooContent  – the content model, its YAML loader and validator
//   IglooBuiltinContent – the built-in pack, compiled from Content/ at build time (CompileContent plugin)
//   IglooEngine   – sessions, applicability, scoring, recommendations, flags, merge, compare
//   IglooReport   – Markdown, Word (.docx), JSON and CSV renderings of an assessment
//   IglooStore    – files on disk: atomic writes, locks, session folder, migration; its messages
//                   are phrases said in the built-in words (Content/strings/store.yaml)
//   IglooWizard   – the wizard's state machine and screen model (a grid of cells); no ncurses
//   IglooTerminal – the one module that imports ncurses: draw a grid, read keys, restore the tty
//   IglooCLI      – the command line (swift-argument-parser), wiring the layers together
//   igloo         – the executable: a one-line main over IglooCLI
let package = Package(
  name: "igloo",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "igloo", targets: ["igloo"]),
    .library(name: "IglooContent", targets: ["IglooContent"]),
    .library(name: "IglooEngine", targets: ["IglooEngine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    .target(name: "IglooContent", dependencies: ["Yams"]),
    // The built-in pack: the CompileContent plugin runs IglooContentCompiler over Content/ at build
    // time (the same loader and validator as --content DIR) and compiles the validated pack in.
    .executableTarget(name: "IglooContentCompiler", dependencies: ["IglooContent"]),
    .plugin(name: "CompileContent", capability: .buildTool(), dependencies: ["IglooContentCompiler"]),
    .target(name: "IglooBuiltinContent", dependencies: ["IglooContent"], plugins: ["CompileContent"]),
    // Crypto gives the approval fingerprint its SHA-256 (docs/decisions.md).
    .target(name: "IglooEngine", dependencies: ["IglooContent", .product(name: "Crypto", package: "swift-crypto")]),
    .target(name: "IglooReport", dependencies: ["IglooContent", "IglooEngine", "ZIPFoundation"]),
    .target(name: "IglooStore", dependencies: ["IglooContent", "IglooBuiltinContent", "IglooEngine"]),
    .target(name: "IglooWizard", dependencies: ["IglooContent", "IglooEngine", "IglooReport", "IglooStore"]),
    .systemLibrary(
      name: "CNcursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    .target(name: "IglooTerminal", dependencies: ["CNcursesw", "IglooWizard"]),
    .target(
      name: "IglooCLI",
      dependencies: [
        "IglooContent", "IglooBuiltinContent", "IglooEngine", "IglooReport", "IglooStore", "IglooWizard", "IglooTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "igloo", dependencies: ["IglooCLI"]),
    .executableTarget(
      name: "igloo-benchmarks", dependencies: ["IglooContent", "IglooBuiltinContent", "IglooEngine", "IglooReport", "IglooWizard"],
      path: "Benchmarks/IglooBenchmarks"),

    .target(name: "IglooTestSupport", dependencies: ["IglooContent", "IglooEngine"], path: "Tests/IglooTestSupport"),
    .testTarget(name: "IglooContentTests", dependencies: ["IglooContent", "IglooBuiltinContent", "IglooEngine", "IglooTestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "IglooEngineTests", dependencies: ["IglooEngine", "IglooTestSupport"]),
    .testTarget(
      name: "IglooReportTests", dependencies: ["IglooReport", "IglooBuiltinContent", "IglooTestSupport", "SwiftCSV", "ZIPFoundation"],
      exclude: ["Golden"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "IglooStoreTests", dependencies: ["IglooStore", "IglooTestSupport"]),
    .testTarget(
      name: "IglooWizardTests", dependencies: ["IglooWizard", "IglooBuiltinContent", "IglooTestSupport", "SwiftCSV"], exclude: ["Snapshots"]),
    .testTarget(name: "IglooTerminalTests", dependencies: ["CNcursesw", "IglooTerminal", "IglooWizard", "IglooStore"]),
    .testTarget(
      name: "IglooCLITests", dependencies: ["IglooCLI", "IglooBuiltinContent", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
  ],
  swiftLanguageModes: [.v6]
)
