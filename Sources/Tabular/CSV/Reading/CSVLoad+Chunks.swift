import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the data in chunks, one thread each.
///
/// Parsing is the cost of a large read, and records are independent once you
/// know where one starts. So the data is cut into equal byte ranges, each
/// thread guesses that its range's first record starts at its first line
/// start, and reads its records into accumulators of its own. The guess is
/// wrong only where a quoted field holds a line break across the cut, and it
/// is checked: the chunk before reads on to the first record that starts at or
/// after the cut, which is where the next chunk must have started. A chunk that
/// started anywhere else is read again from there. The columns are then
/// appended in order, so the table is the one a single thread reads, byte for
/// byte, whatever the number of threads.
///
/// Two cases go back to reading on one thread: any problem in the data (so that
/// every error carries its true line and the 100-error limit holds), and an
/// inferred column whose type a later chunk would have set (a column that is
/// all numbers in the first chunk and text later), because its inference note
/// must name the first value that set the type.
extension CSVLoad {
    /// Below this many bytes of data per thread, one thread reads alone: starting
    /// threads and appending columns would cost more than they save.
    static let minimumChunkBytes = 8 << 20

    /// Reads the data in chunks on several threads, when there is enough of it
    /// and more than one processor.
    /// - Returns: `false` when it read nothing (one chunk, or a reason to read
    ///   on one thread), with the load as it was after the header.
    func readInChunks() throws -> Bool {
        let count = chunkCount()
        guard count > 1 else { return false }
        let dataBytes = window.totalBytes - dataStart
        let cuts = (0...count).map { $0 == count ? Int.max : dataStart + dataBytes / count * $0 }
        stopOffset = cuts[1]
        var chunks: [CSVLoad?] = [self]
        for index in 1..<count {
            chunks.append(
                try? CSVLoad(chunkOf: self, from: cuts[index] - 1, findingLineStart: true, stop: cuts[index + 1]))
        }
        let failed = readConcurrently(chunks)
        if !failed[0], let later = try confirmedChunks(chunks, failed: failed, cuts: cuts), append(later) {
            return true
        }
        try restart()
        return false
    }

    /// One chunk per processor, when each gets at least ``minimumChunkBytes``;
    /// exactly ``CSVReadOptions/threads`` when set. Rejected rows keep their
    /// record numbers only in one pass, so that option reads on one thread.
    private func chunkCount() -> Int {
        guard !options.rejects else { return 1 }
        let dataBytes = window.totalBytes - dataStart
        if let threads = options.threads { return max(1, min(threads, dataBytes)) }
        // Online processors, not the affinity mask (glibc's sched_getaffinity needs
        // _GNU_SOURCE, which Swift's Glibc module lacks). A read pinned to one core
        // then runs its chunks in turn, which measured 3% slower than one chunk
        // (docs/benchmarks.md, "Reading on both cores").
        let processors = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return max(1, min(processors, dataBytes / CSVLoad.minimumChunkBytes))
    }

    /// A load for the records from `start` (or from the first line start after
    /// it) to `stop`, with the columns this load's header set up.
    private convenience init(chunkOf parent: CSVLoad, from start: Int, findingLineStart: Bool, stop: Int) throws {
        self.init(window: try parent.window.view(startingAt: start), options: parent.options)
        names = parent.names
        modes = parent.modes
        columns = parent.columns.map { ColumnAccumulator(name: $0.name, fixedType: $0.fixedType) }
        position = findingLineStart ? CSVLoad.firstLineStart(window.base, window.count) : 0
        dataStart = window.offset + position
        validatedUpTo = dataStart
        stopOffset = stop
        isFirstChunk = false
    }

    /// The offset of the first line start after the first byte, or `count`.
    private static func firstLineStart(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var i = 0
        while i < count {
            if p[i] == 10 { return i + 1 }
            if p[i] == 13 { return i + 1 < count && p[i + 1] == 10 ? i + 2 : i + 1 }
            i += 1
        }
        return count
    }

    /// Reads every chunk, each on a thread of its own.
    /// - Returns: per chunk, whether it failed (missing, or any error).
    private func readConcurrently(_ chunks: [CSVLoad?]) -> [Bool] {
        var failed = [Bool](repeating: true, count: chunks.count)
        failed.withUnsafeMutableBufferPointer { failed in
            let reads = ChunkReads(chunks: chunks, failed: failed)
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                reads.failed[index] = !(reads.chunks[index]?.readChunk() ?? false)
            }
        }
        return failed
    }

    /// Reads this chunk's records.
    /// - Returns: whether it read them without any problem.
    private func readChunk() -> Bool {
        do {
            try validate()
            try readData()
            return true
        } catch {
            return false
        }
    }

    /// The chunks after the first, each confirmed to start where the one before
    /// ended, reading again from there those that did not.
    /// - Returns: `nil` when a confirmed chunk found a problem.
    private func confirmedChunks(_ chunks: [CSVLoad?], failed: [Bool], cuts: [Int]) throws -> [CSVLoad]? {
        var confirmed: [CSVLoad] = []
        var previousEnd = endOffset
        for index in 1..<chunks.count {
            var chunk = chunks[index]
            if chunk == nil || chunk!.dataStart != previousEnd {
                chunk = try CSVLoad(chunkOf: self, from: previousEnd, findingLineStart: false, stop: cuts[index + 1])
                guard chunk!.readChunk() else { return nil }
            } else if failed[index] {
                return nil
            }
            confirmed.append(chunk!)
            previousEnd = chunk!.endOffset
        }
        return confirmed
    }

    /// Appends the later chunks' rows to this load's columns.
    /// - Returns: `false`, changing nothing, when a column cannot take them as
    ///   one pass would have (see ``ColumnAccumulator/canAppend(_:)``).
    private func append(_ later: [CSVLoad]) -> Bool {
        let kept = columns.indices.filter { modes[$0] != .skipped }
        for chunk in later {
            for index in kept where !columns[index].canAppend(chunk.columns[index]) { return false }
        }
        for chunk in later {
            for index in kept { columns[index].append(contentsOf: chunk.columns[index]) }
            rows += chunk.rows
        }
        return true
    }

    /// Puts the load back where the header left it, for a read on one thread.
    private func restart() throws {
        columns = columns.map { ColumnAccumulator(name: $0.name, fixedType: $0.fixedType) }
        rows = 0
        ordinal = 0
        errors = []
        stopOffset = .max
        position = try window.rewind(to: dataStart)
        scanner.restart(atLine: dataLine)
        validatedUpTo = dataStart
        try validate()
    }
}

/// The chunks and their outcomes, handed to the reading threads. Unchecked
/// because each thread touches only the chunk and the slot at its own index,
/// and nothing looks at either until every thread is done.
private struct ChunkReads: @unchecked Sendable {
    let chunks: [CSVLoad?]
    let failed: UnsafeMutableBufferPointer<Bool>
}
