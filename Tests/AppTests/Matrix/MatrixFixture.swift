import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Who asks in the authorisation matrix: one user per role, all of the home municipality; the organisation-bound ones
/// at the home centre «Центр А1» or school «Школа А1».
enum MatrixRole: String, CaseIterable, Sendable {
    case admin, coordinator, methodologist, centerHead, teacher, schoolAdmin, student, guardian

    var username: String {
        switch self {
        case .admin: "matrix-admin"
        case .coordinator: "matrix-kmc"
        case .methodologist: "matrix-metod"
        case .centerHead: "own-head"
        case .teacher: "own-teacher"
        case .schoolAdmin: "own-school"
        case .student: "own-student"
        case .guardian: "own-parent"
        }
    }

    /// Bound to one organisation: asked with the ids of another organisation of the same municipality too.
    var isOrganizational: Bool { ![.admin, .coordinator, .methodologist].contains(self) }

    /// A student or a guardian: asked with a classmate's ids too.
    var isFamily: Bool { self == .student || self == .guardian }
}

/// Whose ids a request carries.
enum MatrixProbe: String, CaseIterable, Sendable {
    /// Another municipality's: refused to every role.
    case foreign
    /// Another organisation's of the same municipality (its centre, school and their students): refused to the roles
    /// bound to an organisation, except the reads `MatrixRoutes.sharedReads` names.
    case neighbour
    /// Another student's of the same school and group: refused to the student and the guardian.
    case classmate

    var roles: [MatrixRole] {
        switch self {
        case .foreign: MatrixRole.allCases
        case .neighbour: MatrixRole.allCases.filter(\.isOrganizational)
        case .classmate: MatrixRole.allCases.filter(\.isFamily)
        }
    }
}

/// Two municipalities: «Домашний округ» with the users of `MatrixRole` at side А1, another centre and school А2 and a
/// second student of А1's group; «Чужой округ» with the same kinds of records at side Б1.
struct MatrixFixture: Sendable {
    let sides: [MatrixProbe: MatrixSide]
    /// The own side (А1 with the student of `MatrixRole.student`), for the checks that the users may use their own.
    let own: MatrixSide
    /// Names of the other organisation's student and guardian, which a shared read must not show.
    static let neighbourNames = ["Третьяков"]

    static func make(_ app: Application) async throws -> MatrixFixture {
        let home = try await World.make(app, name: "Домашний округ")
        let away = try await World.make(app, name: "Чужой округ")
        let a1 = try await home.matrixOrganizations("А1", users: "own-")
        let a2 = try await home.matrixOrganizations("А2", users: "next-")
        let b1 = try await away.matrixOrganizations("Б1", users: "far-")
        for role in [MatrixRole.admin, .coordinator, .methodologist] {
            let granted: Role = role == .admin ? .authorityAdmin : role == .coordinator ? .coordinator : .methodologist
            try await home.user(role.username, granted)
        }
        let homeMunicipal = try await home.matrixMunicipal(
            "А", programs: [a1.program, a2.program], from: a1.school, to: a1.center)
        let awayMunicipal = try await away.matrixMunicipal("Б", programs: [b1.program], from: b1.school, to: b1.center)
        // A preparation session of each centre in its municipality's stage.
        var (sideA1, sideA2, sideB1) = (a1.side, a2.side, b1.side)
        sideA1.ids[.olympiadSession] = try await home.matrixSession(at: a1.center)
        sideA2.ids[.olympiadSession] = try await home.matrixSession(at: a2.center)
        sideB1.ids[.olympiadSession] = try await away.matrixSession(at: b1.center)
        // A plan of each centre with an item that has an evidence file.
        let plans = [
            try await home.matrixPlan(at: a1.center), try await home.matrixPlan(at: a2.center),
            try await away.matrixPlan(at: b1.center),
        ]
        (sideA1.ids[.plan], sideA1.ids[.planItem]) = (plans[0].plan, plans[0].item)
        (sideA2.ids[.plan], sideA2.ids[.planItem]) = (plans[1].plan, plans[1].item)
        (sideB1.ids[.plan], sideB1.ids[.planItem]) = (plans[2].plan, plans[2].item)
        // A report campaign of each municipality with each centre's report.
        let homeReports = try await home.reportCampaign(of: [a1.center, a2.center])
        let awayReports = try await away.reportCampaign(of: [b1.center])
        (sideA1.ids[.reportCampaign], sideA1.ids[.report]) = (homeReports.campaign, homeReports.reports[0])
        (sideA2.ids[.reportCampaign], sideA2.ids[.report]) = (homeReports.campaign, homeReports.reports[1])
        (sideB1.ids[.reportCampaign], sideB1.ids[.report]) = (awayReports.campaign, awayReports.reports[0])
        // A meeting of each municipality's КМЦ.
        let homeMeeting = try await home.meeting(members: try await home.kmcMembers(1)).requireID()
        let awayMeeting = try await away.meeting(members: try await away.kmcMembers(1)).requireID()
        (sideA1.ids[.meeting], sideA2.ids[.meeting], sideB1.ids[.meeting]) = (homeMeeting, homeMeeting, awayMeeting)
        // A submitted activity programme of each centre.
        sideA1.ids[.activityProgram] = try await home.activityProgram(at: a1.center, status: .submitted, versions: 1).id
        sideA2.ids[.activityProgram] = try await home.activityProgram(at: a2.center, status: .submitted, versions: 1).id
        sideB1.ids[.activityProgram] = try await away.activityProgram(at: b1.center, status: .submitted, versions: 1).id
        // An issued technical assignment to each centre.
        sideA1.ids[.assignment] = try await home.assignment(to: a1.center).id
        sideA2.ids[.assignment] = try await home.assignment(to: a2.center).id
        sideB1.ids[.assignment] = try await away.assignment(to: b1.center).id
        // An analytic note of each centre.
        sideA1.ids[.analyticNote] = try await home.analyticNote(at: a1.center).id
        sideA2.ids[.analyticNote] = try await home.analyticNote(at: a2.center).id
        sideB1.ids[.analyticNote] = try await away.analyticNote(at: b1.center).id
        // A template of each municipality's own.
        let homeTemplate = try await home.customTemplate().id
        (sideA1.ids[.customTemplate], sideA2.ids[.customTemplate]) = (homeTemplate, homeTemplate)
        sideB1.ids[.customTemplate] = try await away.customTemplate().id
        // A report form of each municipality's own.
        let homeForm = try await home.customReportForm().id
        (sideA1.ids[.customReportForm], sideA2.ids[.customReportForm]) = (homeForm, homeForm)
        sideB1.ids[.customReportForm] = try await away.customReportForm().id
        // A course of professional development of each side's teacher.
        sideA1.ids[.developmentCourse] = try await home.course(of: try sideA1.id(.staff)).id
        sideA2.ids[.developmentCourse] = try await home.course(of: try sideA2.id(.staff)).id
        sideB1.ids[.developmentCourse] = try await away.course(of: try sideB1.id(.staff)).id
        let homeCampaign = try homeMunicipal.id(.campaign)
        let own = try await home.matrixStudent(
            "Первов", at: a1.school, in: a1.group, campaign: homeCampaign, account: MatrixRole.student.username,
            guardianAccount: MatrixRole.guardian.username, sequence: 1)
        let classmate = try await home.matrixStudent(
            "Вторых", at: a1.school, in: a1.group, campaign: homeCampaign, account: "own-student2",
            guardianAccount: "own-parent2", sequence: 2)
        let neighbour = try await home.matrixStudent(
            "Третьяков", at: a2.school, in: a2.group, campaign: homeCampaign, account: "next-student",
            guardianAccount: "next-parent", sequence: 3)
        let foreign = try await away.matrixStudent(
            "Четвертаков", at: b1.school, in: b1.group, campaign: try awayMunicipal.id(.campaign),
            account: "far-student", guardianAccount: "far-parent", sequence: 1)
        // An event of each centre for students, its student registered (the classmate too, at the home centre's).
        let events = [
            try await home.event(at: a1.center).requireID(), try await home.event(at: a2.center).requireID(),
            try await away.event(at: b1.center).requireID(),
        ]
        (sideA1.ids[.event], sideA2.ids[.event], sideB1.ids[.event]) = (events[0], events[1], events[2])
        func registered(_ world: World, _ student: MatrixSide, at event: UUID) async throws -> MatrixSide {
            MatrixSide(ids: [.eventRegistration: try await world.registration(of: try student.id(.student), at: event)])
        }
        let ownSide = merge(sideA1, homeMunicipal, own, try await registered(home, own, at: events[0]))
        return MatrixFixture(
            sides: [
                .foreign: merge(sideB1, awayMunicipal, foreign, try await registered(away, foreign, at: events[2])),
                .neighbour: merge(
                    sideA2, homeMunicipal, neighbour, try await registered(home, neighbour, at: events[1])),
                .classmate: ownSide.with(
                    personal: merge(classmate, try await registered(home, classmate, at: events[0]))),
            ], own: ownSide)
    }

    static func merge(_ parts: MatrixSide...) -> MatrixSide {
        var side = MatrixSide()
        for part in parts { side.ids.merge(part.ids) { first, _ in first } }
        return side
    }
}
