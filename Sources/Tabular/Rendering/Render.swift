/// Renders `table` as text in `format`.
///
/// For example:
/// ```swift
/// let text = render(table, as: .markdown)
/// ```
/// - Complexity: O(*r* × *c*) for *r* rows and *c* columns; with
///   ``RenderOptions/elide`` set, the box format reads only the rows it shows.
public func render(
    _ table: Table, as format: RenderFormat, options: RenderOptions = RenderOptions()
) -> String {
    var text = ""
    render(table, as: format, options: options, to: &text)
    return text
}

/// Renders `table` as text in `format`, writing it to `target` line by line.
///
/// Every line, the last included, ends in a newline; an empty table renders as
/// its header alone (box, csv, tsv, markdown), `[]` (json) or nothing (ndjson, line).
/// - Complexity: O(*r* × *c*) for *r* rows and *c* columns; with
///   ``RenderOptions/elide`` set, the box format reads only the rows it shows.
public func render<Target: TextOutputStream>(
    _ table: Table, as format: RenderFormat, options: RenderOptions = RenderOptions(),
    to target: inout Target
) {
    switch format {
    case .box: BoxFormat(options: options).write(table, to: &target)
    case .csv: DelimitedFormat(separator: ",", options: options).write(table, to: &target)
    case .tsv: DelimitedFormat(separator: "\t", options: options).write(table, to: &target)
    case .json: JSONFormat(delimited: false).write(table, to: &target)
    case .ndjson: JSONFormat(delimited: true).write(table, to: &target)
    case .markdown: MarkdownFormat(options: options).write(table, to: &target)
    case .line: LineFormat(options: options).write(table, to: &target)
    }
}
