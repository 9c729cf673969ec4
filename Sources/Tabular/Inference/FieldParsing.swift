/// Parsers for one field's bytes, used by the CSV reader on its hot path.
///
/// They read the bytes in place, so no `String` is made for a number, a bool
/// or a date. Two families exist: the strict forms the inference accepts, and
/// the lenient forms a column typed by a schema accepts.
enum FieldParsing {
    private static let zero = UInt8(ascii: "0")
    private static let minus = UInt8(ascii: "-")
    private static let plus = UInt8(ascii: "+")
    private static let dot = UInt8(ascii: ".")

    // MARK: - Inference forms

    /// An integer in canonical form: an optional `-`, then `0` or digits not
    /// starting with `0`, at most 15 of them, and never `-0`.
    ///
    /// Canonical means `String(value)` gives the text back, which is what lets a
    /// column widened to text later rebuild these rows exactly.
    @inline(__always)
    static func inferredInt(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var i = 0
        let negative = p[0] == minus
        if negative { i = 1 }
        let digits = n - i
        guard digits >= 1, digits <= 15 else { return nil }
        if p[i] == zero && (digits > 1 || negative) { return nil }
        var value: Int64 = 0
        while i < n {
            let d = p[i] &- zero
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int64(d)
            i += 1
        }
        return negative ? -value : value
    }

    /// A decimal number the inference accepts: an optional `-`, digits with an
    /// optional fraction (or a fraction alone), and an optional exponent. An
    /// integer part with a leading zero (`007.5`) is refused as code-like.
    static func inferredDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        decimal(p, n, allowPlus: false, allowLeadingZeros: false)
    }

    /// Whether the text is all digits (after an optional `-`) and code-like: a
    /// leading zero (`007`) or more than 15 digits, which no double holds exactly.
    static func codeLikeDigits(_ p: UnsafePointer<UInt8>, _ n: Int) -> CodeLikeShape? {
        var i = 0
        if n > 0 && p[0] == minus { i = 1 }
        let digits = n - i
        guard digits >= 1 else { return nil }
        for k in i..<n where p[k] &- zero >= 10 { return nil }
        if digits > 15 { return .longDigits }
        if digits > 1 && p[i] == zero { return .leadingZero }
        return nil
    }

    /// Why a run of digits is kept as text.
    enum CodeLikeShape { case leadingZero, longDigits }

    /// `NaN`, `inf`, `-inf`, `infinity` in any case: numbers only when a schema says so.
    static func isSpecialNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        return ["nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"]
            .contains(text.lowercased())
    }

    // MARK: - Schema forms

    /// Any `Int64`, with an optional sign and leading zeros.
    static func int(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var i = 0
        let negative = p[0] == minus
        if negative || p[0] == plus { i = 1 }
        guard i < n else { return nil }
        var magnitude: UInt64 = 0
        while i < n {
            let d = p[i] &- zero
            guard d < 10 else { return nil }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(d))
            guard !o1, !o2 else { return nil }
            magnitude = sum
            i += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// Any number Swift's `Double(_:)` reads (including `NaN` and `inf`), with
    /// a fast exact path for plain decimals.
    static func double(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        if let value = decimal(p, n, allowPlus: true, allowLeadingZeros: true) { return value }
        return Double(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    /// `true` or `false` in any case.
    @inline(__always)
    static func bool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        if n == 4, p[0] | 0x20 == 0x74, p[1] | 0x20 == 0x72, p[2] | 0x20 == 0x75, p[3] | 0x20 == 0x65 {
            return true
        }
        if n == 5, p[0] | 0x20 == 0x66, p[1] | 0x20 == 0x61, p[2] | 0x20 == 0x6C, p[3] | 0x20 == 0x73,
            p[4] | 0x20 == 0x65
        {
            return false
        }
        return nil
    }

    /// An ISO `YYYY-MM-DD` date that exists.
    @inline(__always)
    static func date(_ p: UnsafePointer<UInt8>, _ n: Int) -> CalendarDate? {
        guard n == 10, p[4] == minus, p[7] == minus else { return nil }
        func number(_ from: Int, _ to: Int) -> Int? {
            var value = 0
            for i in from..<to {
                let d = p[i] &- zero
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 7), let day = number(8, 10) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    // MARK: - Decimal numbers

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses `[-+]?(digits[.digits*]|.digits)([eE][-+]?digits)?`, or returns `nil`.
    ///
    /// When the significant digits fit in 2^53 and the decimal exponent is within
    /// ±22, one IEEE multiplication or division of two exact values gives the
    /// correctly rounded result (Clinger's fast path). Anything else goes through
    /// Swift's locale-independent `Double(_:)`, so every result is exact.
    private static func decimal(
        _ p: UnsafePointer<UInt8>, _ n: Int, allowPlus: Bool, allowLeadingZeros: Bool
    ) -> Double? {
        var i = 0
        var negative = false
        if n > 0 && (p[0] == minus || (allowPlus && p[0] == plus)) {
            negative = p[0] == minus
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        let integerStart = i
        while i < n, p[i] &- zero < 10 {
            accumulate(p[i] &- zero, &mantissa, &significant, &exponent, fraction: false)
            i += 1
        }
        let integerDigits = i - integerStart
        if !allowLeadingZeros && integerDigits > 1 && p[integerStart] == zero { return nil }
        var fractionDigits = 0
        if i < n && p[i] == dot {
            i += 1
            while i < n, p[i] &- zero < 10 {
                accumulate(p[i] &- zero, &mantissa, &significant, &exponent, fraction: true)
                i += 1
                fractionDigits += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if i < n && p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < n && (p[i] == minus || p[i] == plus) {
                exponentNegative = p[i] == minus
                i += 1
            }
            let exponentStart = i
            var written = 0
            while i < n, p[i] &- zero < 10 {
                if written < 100_000 { written = written * 10 + Int(p[i] &- zero) }
                i += 1
            }
            guard i > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == n else { return nil }
        if significant <= 19 && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
            return negative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    /// Adds one digit to the running mantissa; once 19 significant digits are
    /// held the rest only move the exponent, and the slow path takes over.
    @inline(__always)
    private static func accumulate(
        _ digit: UInt8, _ mantissa: inout UInt64, _ significant: inout Int, _ exponent: inout Int,
        fraction: Bool
    ) {
        if mantissa == 0 && digit == 0 {
            if fraction { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + UInt64(digit)
            significant += 1
            if fraction { exponent -= 1 }
        } else {
            significant += 1
            if !fraction { exponent += 1 }
        }
    }
}
