// swift-tools-version:6.0
// PlanScope: an analysts' workbench for following a national plan from measures to results.
// Layers (imports point one way): planscope -> Workbench -> {LuaKit, PlanModel, Tabular};
// PlanModel -> Tabular; LuaKit -> CLuaShim -> CLua; the CLI also uses CEdit (libedit) for
// the REPL's line editing. README.md's "Layout" table says what each target holds.
import PackageDescription

let package = Package(
    name: "PlanScope",
    products: [
        .executable(name: "planscope", targets: ["planscope"]),
        .library(name: "LuaKit", targets: ["LuaKit"]),
        .library(name: "PlanModel", targets: ["PlanModel"]),
        .library(name: "Tabular", targets: ["Tabular"]),
        .library(name: "Workbench", targets: ["Workbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .systemLibrary(
            name: "CEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .target(name: "LuaKit", dependencies: ["CLuaShim", "CLua"]),
        .target(name: "Tabular"),
        .target(name: "PlanModel", dependencies: ["Tabular"]),
        .target(name: "Workbench", dependencies: ["LuaKit", "PlanModel", "Tabular"]),
        .executableTarget(
            name: "planscope",
            dependencies: [
                "Workbench",
                "CEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "PlanScopeTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LuaKitTests", dependencies: ["LuaKit", "PlanScopeTestSupport"]),
        .testTarget(
            name: "TabularTests",
            dependencies: ["Tabular", "PlanScopeTestSupport"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "PlanScopeTestSupport"]),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: ["Workbench", "PlanModel", "Tabular", "LuaKit", "PlanScopeTestSupport"],
            exclude: ["lua"]
        ),
        .testTarget(
            name: "PlanScopeCLITests",
            dependencies: ["planscope", "PlanScopeTestSupport"]
        ),
    ]
)
