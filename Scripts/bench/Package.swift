// swift-tools-version:6.0
// Benchmarks beside the tests (STYLE.md section 7): a package of its own, so nothing here
// reaches the product's dependency graph or `swift test`. Build with -c release only.
import PackageDescription

let package = Package(
    name: "PlanScopeBench",
    products: [
        .executable(name: "planscope-groupby", targets: ["PlanScopeGroupBy"])
    ],
    dependencies: [
        .package(name: "PlanScope", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "PlanScopeGroupBy",
            dependencies: [.product(name: "Tabular", package: "PlanScope")]
        )
    ]
)
