// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "setka",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "setka", targets: ["Run"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "Domain"),
        // One C call Swift cannot make itself (a variadic libsqlite3 function), for the raw SQLite connections.
        .target(name: "SQLiteShim"),
        // Files in and out: CSV/XLSX tables, Office Open XML documents (DOCX) built by one generator.
        .target(name: "Documents", dependencies: ["Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "Views",
            dependencies: ["Domain", "Documents"]
        ),
        .target(
            name: "App",
            dependencies: [
                "Domain",
                "Views",
                "Documents",
                "SQLiteShim",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(name: "Run", dependencies: ["App"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The stored page snapshots are read from the source folder, not bundled.
        .testTarget(name: "ViewsTests", dependencies: ["Views", "Domain"], exclude: ["Snapshots"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "Domain",
                "Documents",
                "Views",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
