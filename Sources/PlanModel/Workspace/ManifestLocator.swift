/// Where each value of a manifest starts, by path (`tables.2.file`,
/// `expectations.0`), so problems can point at the entry that caused them.
///
/// Foundation's JSON parser gives values but no positions; this walks the
/// text once more, tolerating anything it does not understand (the real parse
/// has already succeeded when it is asked).
struct ManifestLocator {
    /// Line and column (characters, from 1) of a value's first character.
    private(set) var positions: [String: (line: Int, column: Int)] = [:]

    init(text: String) {
        var walker = Walker(scalars: Array(text.unicodeScalars))
        walker.value(path: "")
        positions = walker.positions
    }

    /// The place of the value at `path`, or of the nearest enclosing value that has one.
    func position(_ path: String) -> (line: Int, column: Int)? {
        var path = path
        while true {
            if let found = positions[path] { return found }
            guard let dot = path.lastIndex(of: ".") else { return positions[""] }
            path = String(path[..<dot])
        }
    }

    private struct Walker {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var lineStart = 0
        var positions: [String: (line: Int, column: Int)] = [:]
        var depth = 0
        /// Foundation's JSON parser refuses deeper nesting, so no deeper value needs a place;
        /// stopping there keeps `[[[[…` from overflowing the stack (found by fuzzing).
        static let maximumDepth = 512

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func value(path: String) {
            skipSpace()
            guard index < scalars.count else { return }
            guard depth < Walker.maximumDepth else {
                index = scalars.count
                return
            }
            positions[path] = (line, index - lineStart + 1)
            switch scalars[index] {
            case "{":
                depth += 1
                defer { depth -= 1 }
                index += 1
                while true {
                    skipSpace()
                    guard index < scalars.count, scalars[index] != "}" else { break }
                    if scalars[index] == "," {
                        index += 1
                        continue
                    }
                    let key = string()
                    skipSpace()
                    if index < scalars.count, scalars[index] == ":" { index += 1 }
                    value(path: path.isEmpty ? key : path + "." + key)
                }
                index += 1
            case "[":
                depth += 1
                defer { depth -= 1 }
                index += 1
                var element = 0
                while true {
                    skipSpace()
                    guard index < scalars.count, scalars[index] != "]" else { break }
                    if scalars[index] == "," {
                        index += 1
                        continue
                    }
                    let start = index
                    value(path: path.isEmpty ? String(element) : path + "." + String(element))
                    element += 1
                    // A stray `}` (`[}`) is neither a value nor the end: step over it, or this
                    // loop would ask for a value there forever (found by fuzzing).
                    if index == start { index += 1 }
                }
                index += 1
            case "\"":
                _ = string()
            default:
                while index < scalars.count, !",}] \t\r\n".unicodeScalars.contains(scalars[index]) {
                    index += 1
                }
            }
        }

        /// Reads a string literal, returning its text with escapes left as written
        /// (keys in manifests are plain ASCII).
        mutating func string() -> String {
            guard index < scalars.count, scalars[index] == "\"" else {
                index += 1
                return ""
            }
            index += 1
            var text = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != "\"" {
                if scalars[index] == "\\" {
                    text.append(scalars[index])
                    index += 1
                }
                if index < scalars.count {
                    text.append(scalars[index])
                    index += 1
                }
            }
            index += 1
            return String(text)
        }

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\t", "\r", "\n"].contains(scalars[index]) {
                if scalars[index] == "\n" {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
    }
}
