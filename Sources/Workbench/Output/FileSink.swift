import Tabular

/// Collects a run's output for one file and writes it atomically when the run succeeds
/// (`--output out.csv`): a failed script leaves the file as it was, never half written.
public final class FileSink: OutputSink {
    /// The file the output goes to.
    public let path: String
    private var bytes: [UInt8] = []

    /// Collects output for `path`; nothing is written until ``commit()``.
    public init(path: String) {
        self.path = path
    }

    public func write(_ bytes: [UInt8]) { self.bytes += bytes }

    /// Output stays in memory until ``commit()``, so a flush has nothing to do.
    public func flush() {}

    /// Writes everything collected to ``path`` (a temporary file, then a rename).
    /// - Throws: ``WorkbenchError`` (output) when the file cannot be created or moved into place.
    /// - Complexity: O(bytes).
    public func commit() throws {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch let error as FileError {
            throw WorkbenchError.output(String(describing: error))
        }
    }
}
