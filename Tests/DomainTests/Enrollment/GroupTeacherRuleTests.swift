import Domain
import Foundation
import Testing

@Suite struct GroupTeacherRuleTests {
    let center = UUID(), school = UUID(), program = UUID(), otherProgram = UUID()

    func person(at orgs: Set<UUID>, programs: Set<UUID> = [], active: Bool = true) -> GroupTeacherRule.Candidate {
        GroupTeacherRule.Candidate(isActive: active, organizationIDs: orgs, programIDs: programs)
    }

    @Test func theCentresStaffAndTheProgrammesTeachersMayTeach() {
        #expect(GroupTeacherRule.refusal(person(at: [center]), centerID: center, programID: program) == nil)
        #expect(GroupTeacherRule.refusal(person(at: [school, center]), centerID: center, programID: program) == nil)
        #expect(
            GroupTeacherRule.refusal(person(at: [school], programs: [program]), centerID: center, programID: program)
                == nil)
    }

    @Test func anyoneElseIsRefusedWithTheReason() {
        #expect(GroupTeacherRule.refusal(person(at: [school]), centerID: center, programID: program) == .notAtCenter)
        #expect(
            GroupTeacherRule.refusal(
                person(at: [school], programs: [otherProgram]), centerID: center, programID: program) == .notAtCenter)
        #expect(
            GroupTeacherRule.refusal(person(at: [center], active: false), centerID: center, programID: program)
                == .archived)
        #expect(GroupTeacherRule.refusal(nil, centerID: center, programID: program) == .unknown)
        #expect(GroupTeacherRule.Refusal.notAtCenter.reason.contains("не работает в ресурсном центре группы"))
    }
}
