import CLuaShim

/// The backstop outside the VM, and Ctrl-C handling, for a whole process.
///
/// The count hook stops Lua code, but a single C call (a pathological
/// `string.find`) never reaches a hook. The watchdog thread ends the process
/// with exit code 124 when a deadline passes the grace period unhonoured, or
/// with 130 when an interrupt does. Only the command-line program arms it:
/// a library must not end its host's process.
public enum LuaWatchdog {
    /// Arms the backstop for a run that must end within `timeout` seconds (or `nil`: interrupts only).
    public static func start(timeout: Double?, grace: Double, timeoutMessage: String, interruptMessage: String) {
        let deadline = timeout.map { ps_monotonic_now() + $0 } ?? 0
        ps_watchdog_start(deadline, grace, timeoutMessage, interruptMessage)
    }

    /// Disarms the backstop.
    public static func stop() { ps_watchdog_stop() }

    /// Makes Ctrl-C stop the running script at its next hook (a second Ctrl-C ends the process).
    public static func installInterruptHandler() { ps_install_interrupt_handler() }

    /// Asks the running script to stop, as Ctrl-C does.
    public static func requestInterrupt() { ps_request_interrupt() }

    /// Forgets a pending interrupt.
    public static func clearInterrupt() { ps_clear_interrupt() }
}
