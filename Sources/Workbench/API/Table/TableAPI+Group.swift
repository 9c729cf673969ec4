import LuaKit
import Tabular

// `t:group_by(...):agg{…}`, `t:count(...)` and the `agg` constructors. Aggregates are
// computed in Swift; the Lua side only names them.

extension TableAPI {
    static func registerGroups(in lua: LuaState) {
        var grouped = LuaMetatable<GroupedTableObject>(typeName: groupedType)
        grouped.method("agg", aggregate)
        grouped.length { Int64($0.grouped.groupCount) }
        grouped.description { object in
            let keys = object.grouped.keys.map { "'\($0)'" }.joined(separator: ", ")
            let count = object.grouped.groupCount
            return "\(groupedType): \(count) group\(count == 1 ? "" : "s")"
                + (keys.isEmpty ? "" : " by \(keys)")
        }
        lua.register(grouped)
        lua.addToMetatable(groupedType, "__newindex", function: readOnly(groupedType))

        var aggregate = LuaMetatable<AggregateObject>(typeName: aggregateType)
        aggregate.description { $0.text }
        lua.register(aggregate)
        lua.addToMetatable(aggregateType, "__newindex", function: readOnly(aggregateType))
    }

    /// `t:group_by(...)`: the table grouped by the columns, for `:agg{…}`.
    static func groupBy(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let names = try columnNames(call, from: 2, of: object)
        let grouped = try blaming(2) { try object.table.groupBy(names) }
        try call.push(object: GroupedTableObject(grouped), typeName: groupedType)
        return 1
    }

    /// `t:count(...)`: the number of rows per combination of the columns, in `n`.
    static func count(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let names = try columnNames(call, from: 2, of: object)
        return try result(blaming(2) { try object.table.count(names) }, call)
    }

    /// `g:agg{n = agg.count(), …}` or `g:agg{{"n", agg.count()}, …}`: the keys, then
    /// listed aggregates in order, then named ones in sorted name order.
    static func aggregate(_ object: GroupedTableObject, _ call: LuaCall) throws -> Int32 {
        try call.checkTable(2)
        var aggregates: [(name: String, aggregate: Aggregate)] = []
        try forEachEntry(call, 2, what: "aggregates") { name, value in
            guard
                let spec = try? call.checkObject(
                    value, AggregateObject.self, typeName: aggregateType)
            else {
                throw LuaArgumentError(
                    argument: 2,
                    message: "aggregate '\(name)' expected \(aggregateType) (such as agg.count()), "
                        + "got \(call.stack.typeName(at: value))")
            }
            aggregates.append((name, spec.aggregate))
        }
        return try result(blaming(2) { try object.grouped.aggregate(aggregates) }, call)
    }

    // MARK: - agg

    /// The functions of the global `agg`, by name.
    static var aggregateConstructors: [(String, SwiftFunction)] {
        [
            (
                "count",
                { call in
                    guard let column = try call.optionalString(1)?.description else {
                        return try pushAggregate(.count(), "agg.count()", call)
                    }
                    return try pushAggregate(.count(column), "agg.count('\(column)')", call)
                }
            ),
            ("count_distinct", columnAggregate("count_distinct", Aggregate.countDistinct)),
            ("first", columnAggregate("first", Aggregate.first)),
            ("last", columnAggregate("last", Aggregate.last)),
            ("max", columnAggregate("max", Aggregate.max)),
            ("mean", columnAggregate("mean", Aggregate.mean)),
            ("median", columnAggregate("median", Aggregate.median)),
            ("min", columnAggregate("min", Aggregate.min)),
            (
                "quantile",
                { call in
                    let column = try call.checkString(1).description
                    let p = try call.checkNumber(2)
                    guard (0...1).contains(p) else {
                        throw LuaArgumentError(
                            argument: 2,
                            message: "expected a number from 0 to 1, got \(Cell.format(p))")
                    }
                    return try pushAggregate(
                        .quantile(column, p), "agg.quantile('\(column)', \(Cell.format(p)))", call)
                }
            ),
            ("share", columnAggregate("share", Aggregate.share)),
            ("sum", columnAggregate("sum", Aggregate.sum)),
        ]
    }

    private static func columnAggregate(
        _ name: String, _ make: @escaping (String) -> Aggregate
    ) -> SwiftFunction {
        { call in
            let column = try call.checkString(1).description
            return try pushAggregate(make(column), "agg.\(name)('\(column)')", call)
        }
    }

    private static func pushAggregate(_ aggregate: Aggregate, _ text: String, _ call: LuaCall)
        throws -> Int32
    {
        try call.push(object: AggregateObject(aggregate, text: text), typeName: aggregateType)
        return 1
    }
}
