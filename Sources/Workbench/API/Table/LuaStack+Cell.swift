import LuaKit
import Tabular

/// A Swift error whose text Lua reports at the caller's line (`script.lua:12: text`),
/// like `luaL_error`.
struct ScriptError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension LuaStack {
    /// The number at `index` as a cell: an integer stays an int, a float a float.
    func numberCell(at index: Int32) -> Cell {
        isInteger(at: index)
            ? .int(integer(at: index)) : .double(number(at: index))
    }

}
