/// Resource limits for one Lua state.
public struct LuaLimits: Sendable, Hashable {
    /// Wall-clock seconds a run may take, or `nil` for no limit.
    public var timeout: Double?
    /// Bytes Lua may allocate, or `nil` for no limit. Host (Swift) memory is not counted.
    public var maxMemory: Int?

    /// Creates limits; `nil` means unlimited.
    public init(timeout: Double? = nil, maxMemory: Int? = nil) {
        self.timeout = timeout
        self.maxMemory = maxMemory
    }

    /// No limits.
    public static let none = LuaLimits()
}
