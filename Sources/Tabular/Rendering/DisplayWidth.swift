/// The width of text in terminal columns, per grapheme cluster (UAX #11, East Asian Width).
///
/// Terminals draw East Asian Wide (W) and Fullwidth (F) characters, such as the
/// CJK ideographs in province and department names, across two columns, so
/// aligning with `count` misaligns every line holding Chinese. A cluster is
/// measured by its first scalar: 2 for W and F, 0 for combining marks, format
/// characters and control characters, 1 otherwise; an emoji followed by
/// VARIATION SELECTOR-16 is drawn as emoji, hence 2. Ambiguous (A) characters
/// count 1, as on Western terminals. Scalar widths agree with the wcwidth
/// project's except for spacing marks (Mc) standing alone, which count 1 here;
/// terminals disagree among themselves on Indic and Thai clusters.
///
/// For example:
/// ```swift
/// DisplayWidth.measure("北京市")   // 6
/// DisplayWidth.measure("e\u{301}") // 1
/// ```
public enum DisplayWidth {
    /// The number of terminal columns `text` occupies.
    ///
    /// Control characters count 0: renderers pass text through
    /// ``escapingControls(_:)`` before measuring it.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func measure(_ text: some StringProtocol) -> Int {
        if let ascii = printableASCIICount(text) { return ascii }
        var width = 0
        for character in text { width += measure(character) }
        return width
    }

    /// The number of terminal columns one grapheme cluster occupies: 0, 1 or 2.
    public static func measure(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Checked first: keycaps such as "#️⃣" start with an ASCII scalar.
        if scalars.count > 1, scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        return width(of: first)
    }

    /// The number of terminal columns one scalar occupies on its own: 0, 1 or 2.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if isWide(value) { return 2 }
        // Hangul medial vowels and final consonants join the syllable's leading
        // consonant; they are letters (Lo), so the category test below misses them.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        // SOFT HYPHEN and the prepended concatenation marks (Arabic number signs
        // and their kin) are format characters that terminals draw visibly.
        case .format:
            return value == 0xAD || visibleFormatCharacters.contains { $0.contains(value) } ? 1 : 0
        default: return 1
        }
    }

    /// `text` with control characters made visible, so that one value stays on one line.
    ///
    /// Newline, carriage return and tab become `\n`, `\r` and `\t`; other C0 and C1
    /// controls and DEL become `\x` and two hex digits (Lua and C both read that
    /// form). Backslashes are left alone, so a Windows path reads as written.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` cut to at most `width` columns, ending in "…" when anything was cut.
    ///
    /// Cuts between grapheme clusters, never inside one, so a cut never splits
    /// an ideograph or strips an accent from its letter. The ellipsis counts 1.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func truncating(_ text: String, toWidth width: Int) -> String {
        guard measure(text) > width else { return text }
        guard width > 0 else { return "" }
        var kept = ""
        var used = 0
        for character in text {
            let next = measure(character)
            if used + next > width - 1 { break }
            kept.append(character)
            used += next
        }
        return kept + "…"
    }

    /// The format characters (Cf) with a visible glyph besides SOFT HYPHEN: the
    /// Prepended_Concatenation_Mark property of PropList.txt.
    private static let visibleFormatCharacters: [ClosedRange<UInt32>] = [
        0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891, 0x08E2...0x08E2,
        0x110BD...0x110BD, 0x110CD...0x110CD,
    ]

    /// C0 and C1 controls and DEL.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// The width of `text` when it is all printable ASCII (the common case), else `nil`.
    private static func printableASCIICount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// Whether `value` lies in one of ``wideRanges``, by binary search.
    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The code points drawn two columns wide: the W and F classes of Unicode 17.0's
    /// EastAsianWidth.txt (UAX #11), merged into ranges, including the unassigned
    /// code points of the CJK blocks, which the file also marks W; plus the
    /// regional indicators U+1F1E6–1F1FF, which terminals draw wide, as the
    /// wcwidth project's tables do. Sorted and disjoint.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x01100...0x0115F, 0x0231A...0x0231B, 0x02329...0x0232A, 0x023E9...0x023EC,
        0x023F0...0x023F0, 0x023F3...0x023F3, 0x025FD...0x025FE, 0x02614...0x02615,
        0x02630...0x02637, 0x02648...0x02653, 0x0267F...0x0267F, 0x0268A...0x0268F,
        0x02693...0x02693, 0x026A1...0x026A1, 0x026AA...0x026AB, 0x026BD...0x026BE,
        0x026C4...0x026C5, 0x026CE...0x026CE, 0x026D4...0x026D4, 0x026EA...0x026EA,
        0x026F2...0x026F3, 0x026F5...0x026F5, 0x026FA...0x026FA, 0x026FD...0x026FD,
        0x02705...0x02705, 0x0270A...0x0270B, 0x02728...0x02728, 0x0274C...0x0274C,
        0x0274E...0x0274E, 0x02753...0x02755, 0x02757...0x02757, 0x02795...0x02797,
        0x027B0...0x027B0, 0x027BF...0x027BF, 0x02B1B...0x02B1C, 0x02B50...0x02B50,
        0x02B55...0x02B55, 0x02E80...0x02E99, 0x02E9B...0x02EF3, 0x02F00...0x02FD5,
        0x02FF0...0x03029, 0x03030...0x0303E, 0x03041...0x03096, 0x0309B...0x030FF,
        0x03105...0x0312F, 0x03131...0x03163, 0x03165...0x0318E, 0x03190...0x031E5,
        0x031EF...0x0321E, 0x03220...0x03247, 0x03250...0x0A48C, 0x0A490...0x0A4C6,
        0x0A960...0x0A97C, 0x0AC00...0x0D7A3, 0x0F900...0x0FAFF, 0x0FE10...0x0FE19,
        0x0FE30...0x0FE52, 0x0FE54...0x0FE66, 0x0FE68...0x0FE6B, 0x0FF01...0x0FF60,
        0x0FFE0...0x0FFE6, 0x16FE0...0x16FE3, 0x16FF2...0x16FF6, 0x17000...0x18CD5,
        0x18CFF...0x18D1E, 0x18D80...0x18DF2, 0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB,
        0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
        0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1D300...0x1D356,
        0x1D360...0x1D376, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
        0x1F191...0x1F19A, 0x1F1E6...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
        0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335,
        0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
        0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
        0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F,
        0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D8,
        0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
        0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FA7C, 0x1FA80...0x1FA8A, 0x1FA8E...0x1FAC6, 0x1FAC8...0x1FAC8,
        0x1FACD...0x1FADC, 0x1FADF...0x1FAEA, 0x1FAEF...0x1FAF8, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
