// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Kenshu",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "kenshu", targets: ["kenshu"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    // Graceful shutdown of `serve` (Hummingbird runs on it): open live-reload streams end on Ctrl-C.
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    // The preview server reads files on NIO's thread pool, not on an event loop.
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // Response collection: SQLite (embedded default) and PostgreSQL (shared deployments).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    // SHA-256 for one-time token hashes and survey fingerprints (already required by postgres-nio).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // C libraries, bound as system-library targets.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // The process allocator: Swift values, libxml2 trees and ARC make millions of small
    // allocations; mimalloc serves them faster than glibc (validate: about a quarter less CPU).
    .systemLibrary(
      name: "CMimalloc",
      providers: [.apt(["libmimalloc-dev"])]
    ),
    // Japanese word segmentation for free-text keywords (MeCab with the IPA dictionary in
    // UTF-8). No pkg-config file in Debian: the header and library are in the default paths.
    .systemLibrary(
      name: "CMeCab",
      providers: [.apt(["libmecab-dev", "mecab-ipadic-utf8"])]
    ),
    // QR Code symbols for printed token slips and certificates.
    .systemLibrary(
      name: "CQRencode",
      pkgConfig: "libqrencode",
      providers: [.apt(["libqrencode-dev"])]
    ),
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),

    // The one file-system call Swift cannot make directly: swapping two folders atomically.
    .target(name: "CKenshuFiles"),

    // The libxml2 wrapper: the only place C pointers from libxml2 live.
    .target(name: "KenshuXML", dependencies: ["CLibXML2", "KenshuModel"]),
    // Domain types; no I/O.
    .target(name: "KenshuModel"),
    // QR Code symbols as SVG (libqrencode): the links on token slips and certificates.
    .target(name: "KenshuQR", dependencies: ["CQRencode", "KenshuModel"]),
    // XML course definitions → model, semantic checks, the embedded schema.
    .target(
      name: "KenshuDefinitions",
      dependencies: ["KenshuXML", "KenshuModel"],
      resources: [.copy("Resources/kenshu.rng")]
    ),
    // Delimited text from Japanese offices: encodings (UTF-8, BOM, CP932) and CSV records.
    // Spreadsheets (.xlsx, .ods) are read as tables too: zip parts inflated with ZIPFoundation,
    // their XML streamed through KenshuXML's safe libxml2 set-up.
    .target(
      name: "KenshuTabular",
      dependencies: ["KenshuModel", "KenshuXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    // Roster import (CSV → model), summaries, progress reports.
    .target(name: "KenshuRosters", dependencies: ["KenshuModel", "KenshuTabular"]),
    // The training day: attendance import, reception sheets, check-in, certificates, their
    // ledger and the verification list the public site publishes. The attendance record is
    // re-read with KenshuDefinitions' reader before each update.
    .target(
      name: "KenshuTrainingDay",
      dependencies: [
        "KenshuModel", "KenshuTabular", "KenshuRosters", "KenshuQR", "CKenshuFiles", "KenshuDefinitions",
      ]),
    // Multidisciplinary group formation.
    .target(name: "KenshuGroups", dependencies: ["KenshuModel", "KenshuTabular"]),
    // Survey response import, statistics and reports.
    .target(name: "KenshuEvaluation", dependencies: ["KenshuModel", "KenshuTabular", "CMeCab"]),
    // Documents organisers submit: the programme report (実施報告) from the definition, the
    // roster, attendance records and the evaluation's statistics (Markdown through KenshuSite's
    // renderer, as on the site).
    .target(
      name: "KenshuReports",
      dependencies: ["KenshuModel", "KenshuEvaluation", "KenshuRosters", "KenshuTabular", "KenshuSite"]),
    // Quiz and module exports for learning-management systems: GIFT, Moodle XML, SCORM 1.2.
    // SCORM packages hold the module's site pages, so the export renders them with KenshuSite.
    .target(
      name: "KenshuExport",
      dependencies: ["KenshuModel", "KenshuSite", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      resources: [.copy("Resources/scorm")]),
    // Static site: page planning, Markdown, templates, search index, atomic writing.
    .target(
      name: "KenshuSite",
      dependencies: [
        "KenshuModel", "KenshuXML", "KenshuTabular", "CCmarkGFM", "CKenshuFiles",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Theme")]
    ),
    // Survey responses and module completions: validation, storage (SQLite, PostgreSQL), export.
    .target(
      name: "KenshuCollection",
      dependencies: [
        "KenshuModel", "KenshuTabular", "KenshuEvaluation", "KenshuQR",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Preview server with live reload, response collection and reception's check-in
    // (`serve --collect`).
    .target(
      name: "KenshuServer",
      dependencies: [
        "KenshuModel", "KenshuBuild", "KenshuCollection", "KenshuTrainingDay", "CKenshuFiles",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      resources: [.copy("Resources/live-reload.js")]
    ),
    // One build of a project from its files: layout, stages (load, check, plan, render, write,
    // commit), full or patch decided once; what build, serve and bench run.
    .target(
      name: "KenshuBuild", dependencies: ["KenshuModel", "KenshuDefinitions", "KenshuSite", "KenshuExport"]),
    // `kenshu bench`: synthetic data and timings, kept out of the shipped libraries.
    .target(
      name: "KenshuBenchmarks",
      dependencies: [
        "KenshuModel", "KenshuTabular", "KenshuSite", "KenshuBuild", "KenshuServer", "KenshuEvaluation",
        "KenshuRosters", "KenshuGroups",
      ]),
    .executableTarget(
      name: "kenshu",
      dependencies: [
        "KenshuBuild", "KenshuBenchmarks", "KenshuModel", "KenshuDefinitions", "KenshuRosters",
        "KenshuGroups",
        "KenshuEvaluation", "KenshuReports", "KenshuSite", "KenshuExport", "KenshuServer", "KenshuCollection",
        "CMimalloc", "KenshuTrainingDay",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    .testTarget(name: "KenshuXMLTests", dependencies: ["KenshuXML"], resources: [.copy("Fixtures")]),
    .testTarget(name: "KenshuModelTests", dependencies: ["KenshuModel"]),
    .testTarget(name: "KenshuQRTests", dependencies: ["KenshuQR"]),
    .testTarget(
      name: "KenshuDefinitionsTests", dependencies: ["KenshuDefinitions"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "KenshuTabularTests",
      dependencies: ["KenshuTabular", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "KenshuRostersTests", dependencies: ["KenshuRosters"], resources: [.copy("Fixtures")]),
    .testTarget(name: "KenshuGroupsTests", dependencies: ["KenshuGroups", "KenshuBenchmarks"]),
    .testTarget(
      name: "KenshuTrainingDayTests",
      dependencies: ["KenshuTrainingDay", "KenshuDefinitions", "KenshuTabular"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "KenshuDisclosureTests", dependencies: ["KenshuModel", "KenshuRosters", "KenshuEvaluation"]),
    .testTarget(
      name: "KenshuEvaluationTests", dependencies: ["KenshuEvaluation"], resources: [.copy("Fixtures")]),
    .testTarget(name: "KenshuReportsTests", dependencies: ["KenshuReports", "KenshuModel", "KenshuRosters"]),
    .testTarget(
      name: "KenshuExportTests",
      dependencies: ["KenshuExport", "KenshuXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "KenshuServerTests",
      dependencies: [
        "KenshuServer", "KenshuBuild", "KenshuCollection", "KenshuDefinitions", "KenshuTrainingDay",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    .testTarget(
      name: "KenshuCollectionTests", dependencies: ["KenshuCollection", "KenshuEvaluation"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "KenshuBuildTests",
      dependencies: ["KenshuBuild", "KenshuDefinitions", "KenshuSite", "KenshuModel", "KenshuServer"]),
    .testTarget(name: "KenshuBenchmarksTests", dependencies: ["KenshuBenchmarks"]),
    .testTarget(
      name: "KenshuSiteTests", dependencies: ["KenshuSite", "KenshuTabular"], resources: [.copy("Fixtures")]),
    .testTarget(name: "KenshuCLITests", dependencies: ["kenshu"], resources: [.copy("Fixtures")]),
  ]
)
