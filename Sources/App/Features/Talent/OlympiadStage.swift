import Domain
import Fluent
import Foundation

/// A municipal stage of the ВсОШ in a subject and year (issue 21, item 3): its edition of the ВсОШ (municipal
/// level) and the rules the methodologist sets for it.
final class OlympiadStage: RegistryRecord, @unchecked Sendable {
    static let schema = "olympiad_stages"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Parent(key: "subject_id") var subject: OlympiadSubject
    @Parent(key: "edition_id") var edition: ContestEdition
    @Field(key: "quota_percent") var quotaPercent: Int
    @Field(key: "winner_min_percent") var winnerMinPercent: Int
    @Field(key: "prize_min_percent") var prizeMinPercent: Int
    /// When the methodologist approved the results: they went into the achievements and the public protocol.
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "published_by") var publishedBy: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _academicYear, _subject, _edition, _quotaPercent, _winnerMinPercent, _prizeMinPercent,
            _publishedAt, _publishedBy, _searchKey, _sortKey, _status, _version,
        ]
    }

    var rules: OlympiadRules {
        OlympiadRules(quotaPercent: quotaPercent, winnerMinPercent: winnerMinPercent, prizeMinPercent: prizeMinPercent)
    }
}

/// A grade of a stage: the school stage's passing score, the municipal paper's task maxima and the methodologist's
/// recorded decision on a tie across the quota's boundary.
final class OlympiadStageGrade: Model, @unchecked Sendable {
    static let schema = "olympiad_stage_grades"
    @ID(key: .id) var id: UUID?
    @Parent(key: "stage_id") var stage: OlympiadStage
    @Field(key: "grade") var grade: Int
    @OptionalField(key: "passing_score") var passingScore: Double?
    /// `OlympiadScores.stored`: «10;10;20».
    @Field(key: "task_maxima") var taskMaxima: String
    /// `TieChoice`, and the total it was made for.
    @OptionalField(key: "tie_choice") var tieChoice: String?
    @OptionalField(key: "tie_total") var tieTotal: Double?
    @OptionalField(key: "tie_reason") var tieReason: String?
    @OptionalField(key: "tie_decided_by") var tieDecidedBy: String?
    @OptionalField(key: "tie_decided_at") var tieDecidedAt: Date?

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _stage, _grade, _passingScore, _taskMaxima, _tieChoice, _tieTotal, _tieReason, _tieDecidedBy,
            _tieDecidedAt,
        ]
    }

    var maxima: [Double] { OlympiadScores.read(taskMaxima) }
    var maximum: Double { OlympiadScores.total(maxima) }
    var decision: (total: Double, choice: TieChoice)? {
        guard let total = tieTotal, let choice = tieChoice.flatMap(TieChoice.init(rawValue:)) else { return nil }
        return (total, choice)
    }
}

/// A participant of a municipal stage: the student, their code, the grade competed for and the scores per task.
final class OlympiadParticipant: Model, @unchecked Sendable {
    static let schema = "olympiad_participants"
    @ID(key: .id) var id: UUID?
    @Parent(key: "stage_id") var stage: OlympiadStage
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @Parent(key: "student_id") var student: Student
    @Field(key: "code") var code: String
    @Field(key: "grade_studied") var gradeStudied: Int
    @Field(key: "grade_competed") var gradeCompeted: Int
    /// `OlympiadScores.stored`.
    @Field(key: "task_scores") var taskScores: String
    @Field(key: "total") var total: Double
    /// `OlympiadInvitation.Reason` raw values joined by «,».
    @Field(key: "invited_as") var invitedAs: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "version") var version: Int
    /// Taking part in the regional stage: when the methodologist marked it, and who.
    @OptionalField(key: "regional_at") var regionalAt: Date?
    @OptionalField(key: "regional_by") var regionalBy: String?

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _stage, _municipality, _school, _student, _code, _gradeStudied, _gradeCompeted, _taskScores, _total,
            _invitedAs, _sortKey, _version, _regionalAt, _regionalBy,
        ]
    }
}

/// An appeal: the commission's decision on a participant's scores, the old and new ones kept.
final class OlympiadAppeal: Model, @unchecked Sendable {
    static let schema = "olympiad_appeals"
    @ID(key: .id) var id: UUID?
    @Parent(key: "participant_id") var participant: OlympiadParticipant
    @Parent(key: "stage_id") var stage: OlympiadStage
    @Field(key: "old_scores") var oldScores: String
    @Field(key: "new_scores") var newScores: String
    @Field(key: "old_total") var oldTotal: Double
    @Field(key: "new_total") var newTotal: Double
    /// `AppealOutcome`.
    @Field(key: "outcome") var outcome: String
    @Field(key: "note") var note: String
    @Field(key: "decided_at") var decidedAt: Date
    @Field(key: "decided_by") var decidedBy: String

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _participant, _stage, _oldScores, _newScores, _oldTotal, _newTotal, _outcome, _note, _decidedAt,
            _decidedBy,
        ]
    }
}

/// A preparation session with the regional stage's participants (`000_5375b2a087477e6d.txt` §4.3): held by a resource
/// centre, with a trainer of its own or an outside one.
final class OlympiadTrainingSession: Model, @unchecked Sendable {
    static let schema = "olympiad_training_sessions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "stage_id") var stage: OlympiadStage
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "center_id") var center: Organization
    @Field(key: "held_on") var heldOn: Date
    @Field(key: "hours") var hours: Double
    /// The trainer's name as written (for a registry trainer: their full name when the session was added).
    @Field(key: "trainer") var trainer: String
    @Field(key: "trainer_outside") var trainerOutside: Bool
    /// The trainer in the staff registry, when they are in it.
    @OptionalParent(key: "trainer_id") var trainerStaff: StaffMember?
    @Field(key: "topic") var topic: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _stage, _municipality, _center, _heldOn, _hours, _trainer, _trainerOutside, _trainerStaff, _topic,
            _createdBy, _createdAt,
        ]
    }
}
