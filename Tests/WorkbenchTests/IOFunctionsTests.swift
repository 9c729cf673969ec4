import Foundation
import LuaKit
import PlanScopeTestSupport
import Testing
import Workbench

@Suite struct IOFunctionsTests {
    private func run(_ code: String, in folder: String) throws -> String {
        let sink = BufferSink()
        let context = APIContext(sink: sink, permissions: FilePermissions(readRoots: [folder], writeRoots: [folder]))
        _ = try ScriptRunner(context: context).run(
            ScriptSource(bytes: Array(code.utf8), chunkName: "=test", name: "test", directory: nil))
        return sink.text
    }

    private func error(_ code: String, in folder: String) -> String? {
        do {
            _ = try run(code, in: folder)
            return nil
        } catch {
            return (error as? LuaError)?.message
        }
    }

    @Test("writes CSV atomically under the allowed folder and reads it back")
    func roundTrip() throws {
        let folder = try makeTemporaryDirectory()
        let output = try run(
            """
            local t = Table.from({ code = { "007", "110000" }, n = { 1, 2.5 } }, { columns = { "code", "n" } })
            write(t, "\(folder)/out.csv")
            write(t, "\(folder)/out.json")
            local back = read_csv("\(folder)/out.csv")
            print(#back, back:row(1).code, back:row(2).n)
            """, in: folder)
        #expect(output == "2\t007\t2.5\n")
        #expect(try String(contentsOfFile: "\(folder)/out.csv", encoding: .utf8) == "code,n\n007,1\n110000,2.5\n")
        #expect(
            try String(contentsOfFile: "\(folder)/out.json", encoding: .utf8)
                == "[\n  {\"code\":\"007\",\"n\":1},\n  {\"code\":\"110000\",\"n\":2.5}\n]\n")
    }

    @Test("writes the Excel profile when asked")
    func excel() throws {
        let folder = try makeTemporaryDirectory()
        _ = try run(#"write(Table.from{ { formula = "=1+1" } }, "\#(folder)/x.csv", { excel = true })"#, in: folder)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/x.csv")))
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("formula\r\n'=1+1\r\n".utf8))
    }

    @Test("refuses writes outside the allowed folder: parent paths, absolute paths and symlinks")
    func refusedWrites() throws {
        let folder = try makeTemporaryDirectory()
        let outside = try makeTemporaryDirectory()
        try FileManager.default.createSymbolicLink(
            atPath: "\(folder)/link.csv", withDestinationPath: "\(outside)/target.csv")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/dir", withDestinationPath: outside)
        let roots = "only paths under '\(FilePermissions(readRoots: [], writeRoots: [folder]).writeRoots[0])'"
        for path in ["\(folder)/../escape.csv", "\(outside)/x.csv", "\(folder)/link.csv", "\(folder)/dir/x.csv"] {
            #expect(
                error("write(Table.from{ { a = 1 } }, '\(path)')", in: folder)
                    == "test:1: bad argument #2 to 'write' (writing '\(path)' is not allowed: \(roots))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test("refuses reads outside the allowed folder")
    func refusedReads() throws {
        let folder = try makeTemporaryDirectory()
        let message = error("read_csv('/etc/passwd')", in: folder)
        #expect(
            message?.hasPrefix("test:1: bad argument #1 to 'read_csv' (reading '/etc/passwd' is not allowed") == true)
    }

    @Test("rejects unknown options by name")
    func unknownOption() throws {
        let folder = try makeTemporaryDirectory()
        #expect(
            error("show(Table.from{ { a = 1 } }, { formt = 'csv' })", in: folder)
                == "test:1: bad argument #2 to 'show' (unknown option 'formt'; did you mean 'format'? (options: format, title))"
        )
        #expect(
            error("show(Table.from{ { a = 1 } }, { format = 'xlsx' })", in: folder)
                == "test:1: bad argument #2 to 'show' (invalid option 'xlsx' for 'format' "
                + "(formats: box, csv, tsv, json, ndjson, markdown, line))")
    }

    @Test("shows tables in the requested format, with a title where the format has room for one")
    func show() throws {
        let folder = try makeTemporaryDirectory()
        #expect(
            try run("show(Table.from{ { a = 1 }, { a = 2 } }, { format = 'markdown', title = 'T' })", in: folder)
                == "**T**\n\n|   a |\n|----:|\n|   1 |\n|   2 |\n\n")
        let csv = try run("show(Table.from{ { a = 1 }, { a = 2 } }, { format = 'csv' })", in: folder)
        #expect(csv == "a\n1\n2\n")
    }
}
