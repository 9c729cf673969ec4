/// Counts live ``LifetimeTracked`` objects, one counter per test so parallel tests do not interfere.
public final class LifetimeCounter: @unchecked Sendable {
    /// Objects created and not yet deinitialised.
    public private(set) var live = 0
    /// Objects ever created.
    public private(set) var created = 0
    public init() {}
    func add() { live += 1; created += 1 }
    func remove() { live -= 1 }
}

/// An object that reports its own lifetime, to prove that everything handed to Lua is released.
public final class LifetimeTracked {
    private let counter: LifetimeCounter
    /// A payload for tests to read.
    public var value: Int

    public init(_ counter: LifetimeCounter, value: Int = 0) {
        self.counter = counter
        self.value = value
        counter.add()
    }

    deinit { counter.remove() }
}
