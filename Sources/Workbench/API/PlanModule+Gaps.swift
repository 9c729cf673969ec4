import LuaKit
import PlanModel

extension PlanModule {
    /// `plan.gaps(t, {…})`.
    static func defineGaps(in lua: LuaState, workspace: Workspace) throws {}
}
