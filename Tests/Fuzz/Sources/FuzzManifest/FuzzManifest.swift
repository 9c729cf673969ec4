import Foundation
import PlanModel
import Tabular

/// Loads a workspace whose `workspace.json` is the input, beside a tiny valid CSV.
///
/// `WorkspaceLoader` has only a directory entry point, so the manifest is written to one
/// directory made once per process, under /dev/shm when there is one so each run writes
/// to memory, not disk. A thrown `WorkspaceError` is a correct outcome, and its rendered
/// problems are built too, since they quote the manifest; only a crash is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let manifest = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: Scratch.manifestPath, contents: manifest) else {
        fatalError("cannot write \(Scratch.manifestPath)")
    }
    do {
        let workspace = try WorkspaceLoader.load(directory: Scratch.directory)
        _ = workspace.tables.map(\.1.rowCount)
    } catch let error as WorkspaceError {
        _ = error.description
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// The directory every run reuses, with `t.csv` (columns id:int, name:string) in it.
private enum Scratch {
    static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/planscope-fuzz-manifest-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let csv = "id,name\n1,north\n2,south\n"
        guard FileManager.default.createFile(atPath: path + "/t.csv", contents: Data(csv.utf8)) else {
            fatalError("cannot write \(path)/t.csv")
        }
        return path
    }()
    static let manifestPath = directory + "/" + WorkspaceLoader.manifestFileName
}
