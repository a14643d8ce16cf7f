import Domain
import Foundation
import Testing

/// The checks of an ИУП submission (`SubmissionRules`), the one rule of every submission path.
@Suite struct SubmissionRulesTests {
    static let now = Date(timeIntervalSince1970: 1_788_000_000)
    static let program = UUID()
    static let open = UUID()
    static let closedGroup = UUID()
    static let grade9Only = UUID()
    static let otherProgram = UUID()

    static func facts(
        active: Bool = true, opens: TimeInterval = -3600, closes: TimeInterval = 3600, studentActive: Bool = true,
        withdrawn: Bool = false, grade: Int = 10, maxCourses: Int = 1
    ) -> SubmissionFacts {
        SubmissionFacts(
            campaign: .init(
                isActive: active, opensAt: now.addingTimeInterval(opens), closesAt: now.addingTimeInterval(closes),
                maxCourses: maxCourses),
            student: .init(isActive: studentActive, consentWithdrawn: withdrawn, grade: grade),
            programs: [program],
            groups: [
                .init(
                    id: open, programID: program, isOpen: true, isActive: true, isAgreed: true, gradeFrom: 10,
                    gradeTo: 11),
                .init(
                    id: closedGroup, programID: program, isOpen: false, isActive: true, isAgreed: true, gradeFrom: 10,
                    gradeTo: 11),
                .init(
                    id: grade9Only, programID: program, isOpen: true, isActive: true, isAgreed: true, gradeFrom: 9,
                    gradeTo: 9),
                .init(
                    id: otherProgram, programID: UUID(), isOpen: true, isActive: true, isAgreed: true, gradeFrom: 10,
                    gradeTo: 11),
            ])
    }

    static let refusals: [(String, SubmissionFacts, SubmissionRefusal)] = [
        ("a campaign not yet open", facts(opens: 60), .notOpenYet),
        ("an archived campaign", facts(active: false), .notOpenYet),
        ("a closed campaign", facts(closes: 0), .closed),
        ("an archived student", facts(studentActive: false), .student(.studentNotFound)),
        ("a withdrawn consent", facts(withdrawn: true), .student(.consentWithdrawn)),
    ]

    @Test(arguments: refusals.map(\.0))
    func theWindowAndTheStudentComeFirst(name: String) throws {
        let (_, facts, refusal) = try #require(Self.refusals.first { $0.0 == name })
        #expect(SubmissionRules.check(facts, choices: [Self.open], now: Self.now) == .failure(refusal))
    }

    @Test(arguments: [closedGroup, grade9Only, otherProgram, UUID()])
    func aCourseTheStudentCannotTakeIsRefusedNextToItsChoice(choice: UUID) {
        guard
            case .failure(.choices(let errors)) = SubmissionRules.check(Self.facts(), choices: [choice], now: Self.now)
        else {
            Issue.record("expected the choice to be refused")
            return
        }
        #expect(errors["choice1"] == "Этот курс недоступен в этой кампании для вашего класса.")
    }

    @Test func repeatsAndTooManyChoicesAreRefused() {
        var repeated = FieldErrors()
        repeated.add("choice2", "Этот курс уже выбран выше.")
        #expect(
            SubmissionRules.check(Self.facts(), choices: [Self.open, Self.open], now: Self.now)
                == .failure(.choices(repeated)))
        #expect(SubmissionRules.check(Self.facts(), choices: [], now: Self.now) != .success([]))
    }

    @Test func validChoicesComeBackInRankOrder() {
        #expect(SubmissionRules.check(Self.facts(), choices: [Self.open], now: Self.now) == .success([Self.open]))
    }
}
