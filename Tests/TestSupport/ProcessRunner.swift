import Foundation

/// The outcome of running a program: its exit status, output and time taken.
public struct ProcessOutcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var seconds: Double
}

/// Runs a built product of this package (found beside the test bundle), as a user would.
///
/// `NO_COLOR` is set and the crash backtracer is off, so a crashing child cannot hang the run.
/// A child still running after `killAfter` seconds is killed (SIGKILL), so a test whose
/// child hangs fails instead of hanging the whole run.
public func runProduct(
    _ name: String, _ arguments: [String], stdin: String? = nil,
    environment: [String: String] = [:], directory: String? = nil,
    interruptAfter: Double? = nil, killAfter: Double = 120
) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = productsDirectory().appendingPathComponent(name)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["SWIFT_BACKTRACE"] = "enable=no"
    env["LUA_PATH"] = nil
    env["LUA_PATH_5_4"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    let start = Date()
    try process.run()
    let pid = process.processIdentifier
    let killer = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + killAfter, execute: killer)
    defer { killer.cancel() }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    if let interruptAfter {
        Thread.sleep(forTimeInterval: interruptAfter)
        process.interrupt()
    }
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutcome(
        status: process.terminationStatus,
        stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self),
        seconds: Date().timeIntervalSince(start))
}

/// The folder holding the built products (`.build/debug` or a `--scratch-path`'s).
public func productsDirectory() -> URL {
    let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }
    if let bundle { return bundle.bundleURL.deletingLastPathComponent() }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}

/// The package's root folder, from a test file's `#filePath`.
public func packageRoot(_ filePath: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return url
}
