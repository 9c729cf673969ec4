import Tabular
import Testing

@Suite struct DisplayWidthTests {
    @Test("counts printable ASCII one column per character")
    func ascii() {
        #expect(DisplayWidth.measure("") == 0)
        #expect(DisplayWidth.measure("province") == 8)
        #expect(DisplayWidth.measure(" a|b ") == 5)
    }

    @Test("counts CJK ideographs, kana and Hangul two columns each")
    func eastAsianWide() {
        #expect(DisplayWidth.measure("北京市") == 6)
        #expect(DisplayWidth.measure("新疆生产建设兵团") == 16)
        #expect(DisplayWidth.measure("ひらがなカタカナ") == 16)
        #expect(DisplayWidth.measure("한국") == 4)
        #expect(DisplayWidth.measure("专利 office") == 11)
        #expect(DisplayWidth.measure("、。「」") == 8)
    }

    @Test("counts fullwidth forms two columns and halfwidth forms one")
    func fullwidth() {
        #expect(DisplayWidth.measure("ＡＢ１") == 6)
        #expect(DisplayWidth.measure("（注）") == 6)
        #expect(DisplayWidth.measure("ｶﾀｶﾅ") == 4)
    }

    @Test("counts combining marks and zero-width characters as nothing")
    func zeroWidth() {
        #expect(DisplayWidth.measure("e\u{301}") == 1)
        #expect(DisplayWidth.measure("Zu\u{308}rich") == 6)
        #expect(DisplayWidth.measure("\u{301}") == 0)
        #expect(DisplayWidth.measure("a\u{200B}b") == 2)
        #expect(DisplayWidth.measure("\u{1100}\u{1161}\u{11A8}") == 2)
        #expect(DisplayWidth.width(of: "\u{AD}") == 1)
    }

    @Test("counts emoji two columns, whole sequences included")
    func emoji() {
        #expect(DisplayWidth.measure("😀") == 2)
        #expect(DisplayWidth.measure("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.measure("👍🏽") == 2)
        #expect(DisplayWidth.measure("🇨🇳") == 2)
        #expect(DisplayWidth.measure("❤️") == 2)
        #expect(DisplayWidth.measure("❤") == 1)
    }

    @Test("counts control characters as nothing")
    func controls() {
        #expect(DisplayWidth.measure("a\tb\n") == 2)
        #expect(DisplayWidth.measure("\u{1B}\u{7F}\u{85}") == 0)
    }

    @Test("escapes control characters and leaves everything else alone")
    func escaping() {
        #expect(DisplayWidth.escapingControls("line 1\nline 2\tend\r") == #"line 1\nline 2\tend\r"#)
        #expect(DisplayWidth.escapingControls("\u{1B}[1m\u{7F}\u{0}") == #"\x1B[1m\x7F\x00"#)
        #expect(DisplayWidth.escapingControls(#"C:\plans\北京"#) == #"C:\plans\北京"#)
    }

    @Test("truncates by display width between grapheme clusters, ending in an ellipsis")
    func truncating() {
        #expect(DisplayWidth.truncating("province", toWidth: 8) == "province")
        #expect(DisplayWidth.truncating("province", toWidth: 5) == "prov…")
        #expect(DisplayWidth.truncating("内蒙古自治区", toWidth: 7) == "内蒙古…")
        #expect(DisplayWidth.truncating("内蒙古自治区", toWidth: 6) == "内蒙…")
        #expect(DisplayWidth.truncating("Zu\u{308}rich", toWidth: 3) == "Zu\u{308}…")
        #expect(DisplayWidth.truncating("abc", toWidth: 1) == "…")
        #expect(DisplayWidth.truncating("abc", toWidth: 0) == "")
    }
}
