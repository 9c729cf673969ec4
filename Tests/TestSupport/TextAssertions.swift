import Foundation
import Testing

/// Compares two texts whole and, on a mismatch, records a unified-style line
/// diff (`-expected`, `+actual`) instead of two walls of text.
public func assertEqualText(
    _ actual: String, _ expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual != expected else { return }
    Issue.record(
        Comment(rawValue: lineDiff(expected: expected, actual: actual)),
        sourceLocation: sourceLocation)
}

/// A line diff of two texts: common lines prefixed with two spaces, lines only
/// in `expected` with `-`, lines only in `actual` with `+`. Invisible
/// differences (trailing spaces, CR) are shown escaped.
public func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Longest common subsequence table; texts under test are small.
    var lcs = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
        for j in stride(from: new.count - 1, through: 0, by: -1) {
            lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    func visible(_ line: String) -> String {
        line.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
            + (line.hasSuffix(" ") ? "⏎" : "")
    }
    var output = ["texts differ (-expected +actual):"]
    var i = 0, j = 0
    while i < old.count || j < new.count {
        if i < old.count, j < new.count, old[i] == new[j] {
            output.append("  " + visible(old[i])); i += 1; j += 1
        } else if j < new.count, i == old.count || lcs[i][j + 1] >= lcs[i + 1][j] {
            output.append("+ " + visible(new[j])); j += 1
        } else {
            output.append("- " + visible(old[i])); i += 1
        }
    }
    return output.joined(separator: "\n")
}
