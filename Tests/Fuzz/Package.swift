// swift-tools-version:5.4
// Tools version 5.4 on purpose: from 5.5 SwiftPM links executables with main renamed to
// `<Module>_main`, which would hide libFuzzer's own main.
// libFuzzer targets for the parsers and renderers (docs/hardening.md): a package of its own,
// like Scripts/bench, so nothing here reaches the product or `swift test`. Each executable
// target defines only `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`. Build and run them
// with Scripts/hardening/fuzz.sh, which passes `-sanitize=fuzzer,address -parse-as-library`.
import PackageDescription

let package = Package(
    name: "PlanScopeFuzz",
    dependencies: [
        .package(name: "PlanScope", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "FuzzCSV",
            dependencies: [.product(name: "Tabular", package: "PlanScope")]
        ),
        .executableTarget(
            name: "FuzzManifest",
            dependencies: [
                .product(name: "PlanModel", package: "PlanScope"),
                .product(name: "Tabular", package: "PlanScope"),
            ]
        ),
        .executableTarget(
            name: "FuzzLua",
            dependencies: [.product(name: "LuaKit", package: "PlanScope")]
        ),
        .executableTarget(
            name: "FuzzRender",
            dependencies: [.product(name: "Tabular", package: "PlanScope")]
        ),
    ]
)
