import LuaKit
import PlanModel

extension PlanModule {
    /// `plan.compliance()` and `plan.attainment{…}`.
    static func defineAssessments(in lua: LuaState, workspace: Workspace) throws {}
}
