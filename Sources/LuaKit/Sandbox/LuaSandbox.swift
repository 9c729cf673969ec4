import CLua
import CLuaShim
import Foundation

/// The sandbox: an allow list of the standard library, a fresh environment per
/// script, text-only loading, a locked string metatable and a `require` that
/// loads only pure-Lua modules from known folders.
///
/// What it promises and what it does not is in `docs/sandbox.md`.
public enum LuaSandbox {
    /// Where `require` looks for modules, and where printed text goes.
    public struct Options {
        /// Receives everything `print` writes, already joined and newline-terminated.
        public var output: (LuaString) -> Void
        /// Path templates such as `Scripts/?.lua`, searched in order. Only templates
        /// ending in `.lua` are used: native modules are never loaded.
        public var modulePaths: [String]

        public init(output: @escaping (LuaString) -> Void, modulePaths: [String] = []) {
            self.output = output
            self.modulePaths = modulePaths
        }
    }

    /// Runs the prelude and keeps `make_env` in the registry.
    static func install(in state: LuaState) throws {
        ps_pushguardedrep(state.handle)
        try state.load(Array(SandboxPrelude.source.utf8), chunkName: "=sandbox")
        ps_pushguardedbase(state.handle)
        try state.call(argumentCount: 2, traceback: false)
        lua_setfield(state.handle, PS_REGISTRYINDEX, makeEnvironmentKey)
    }

    static let makeEnvironmentKey = "planscope.make_env"

    /// `print` for an unsafe state: Lua's own, but writing to the host's output.
    static let unsafePrint = #"""
        local write = ...
        return function(...)
          local n, parts = select("#", ...), {}
          for i = 1, n do parts[i] = tostring((select(i, ...))) end
          write(table.concat(parts, "\t") .. "\n")
        end
        """#

    /// Templates from a `LUA_PATH`-style string: `;`-separated, with `;;` standing for `defaults`.
    public static func modulePaths(luaPath: String, defaults: [String]) -> [String] {
        var paths: [String] = []
        var usedDefaults = false
        for template in luaPath.components(separatedBy: ";") {
            if template.isEmpty {
                if !usedDefaults { paths += defaults; usedDefaults = true }
            } else {
                paths.append(template)
            }
        }
        return paths
    }

    /// Finds a module's file: checks the name, then tries each template.
    /// - Returns: the source and the chunk name, or an error message in lua's `require` style.
    static func findModule(_ name: String, in templates: [String]) -> (source: [UInt8]?, detail: String) {
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !segments.isEmpty
            && segments.allSatisfy { segment in
                !segment.isEmpty
                    && segment.unicodeScalars.allSatisfy {
                        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_")
                    }
            }
        guard valid else {
            return (nil, "module name '\(name)' is not allowed (use letters, digits and '_', separated by '.')")
        }
        let relative = segments.joined(separator: "/")
        var tried: [String] = []
        for template in templates {
            guard template.hasSuffix(".lua") else {
                tried.append("\n\tskipped '\(template)' (only .lua modules can be loaded)")
                continue
            }
            let path = template.replacingOccurrences(of: "?", with: relative)
            if let data = FileManager.default.contents(atPath: path) {
                return ([UInt8](data), "@" + path)
            }
            tried.append("\n\tno file '\(path)'")
        }
        return (nil, "module '\(name)' not found:" + tried.joined())
    }
}

extension LuaState {
    /// A fresh environment for one script: the allow list, its own copies of the
    /// libraries, `print` sent to `options.output`, and a `require` over `options.modulePaths`.
    ///
    /// In a state opened with ``Libraries/all`` (`--unsafe`), this returns the
    /// global table with `print` redirected.
    public func newEnvironment(_ options: LuaSandbox.Options) throws -> LuaReference {
        let output = options.output
        let write: SwiftFunction = { call in
            output(try call.checkString(1))
            return 0
        }
        if libraries == .all {
            lua_rawgeti(handle, PS_REGISTRYINDEX, lua_Integer(LUA_RIDX_GLOBALS))
            try load(Array(LuaSandbox.unsafePrint.utf8), chunkName: "=print")
            push(function: write)
            try call(argumentCount: 1, traceback: false)
            lua_setfield(handle, -2, "print")
            return LuaReference(popping: self)
        }
        let templates = options.modulePaths
        lua_getfield(handle, PS_REGISTRYINDEX, LuaSandbox.makeEnvironmentKey)
        lua_createtable(handle, 0, 2)
        setField("write", function: write)
        setField(
            "find_module",
            function: { call in
                let name = try call.checkString(1).description
                let found = LuaSandbox.findModule(name, in: templates)
                if let source = found.source {
                    call.stack.push(bytes: source)
                } else {
                    lua_pushnil(call.stack.thread)
                }
                call.stack.push(string: found.detail)
                return 2
            })
        try call(argumentCount: 1, traceback: false)
        return LuaReference(popping: self)
    }
}
