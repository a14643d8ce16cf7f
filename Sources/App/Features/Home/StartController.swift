import Domain
import Fluent
import Vapor
import Views

/// A signed-in user's start page at `/`: for every role they hold, what is waiting for them (each line a link to the
/// record where it is done), their week's lessons, and the network's key figures for those who run it. Each section
/// runs a fixed number of statements whatever the rows: a count and the first lines per task.
struct StartController {
    /// How many records a task shows before «и ещё N».
    static let shown = 5

    /// What every section's queries need: whose municipality, which year, which day it is there.
    struct Scope {
        var req: Request
        var user: CurrentUser
        var municipalityID: UUID
        var yearID: UUID?
        var zone: TimeZone
        var now: Date
        var today: CivilDay
        var db: any Database { req.db }

        func date(_ date: Date?) -> String { RegistrySupport.date(date, zone) }
    }

    static func page(_ req: Request, user: CurrentUser) async throws -> Response {
        var sections: [StartPage.Section] = []
        if let municipalityID = user.municipalityIDs.first {
            let zone = try await MunicipalClock.zone(municipalityID, on: req.db)
            let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$isCurrent == true).first()
            let now = Date()
            let scope = Scope(
                req: req, user: user, municipalityID: municipalityID, yearID: year?.id, zone: zone, now: now,
                today: CivilDay(now, timeZone: zone))
            sections = try await Self.sections(scope)
        }
        let page = StartPage(userName: user.fullName, sections: sections)
        return req.render(page.render(await req.pageContext(active: .start)))
    }

    /// One section per role held (the municipality's two running roles share one), in the menu's order of roles.
    static func sections(_ scope: Scope) async throws -> [StartPage.Section] {
        let grants = scope.user.actor.activeGrants(at: scope.now)
        let roles = Set(grants.map(\.role))
        func orgs(_ role: Role) -> [UUID] {
            Array(Set(grants.filter { $0.role == role }.compactMap(\.scope.organizationID))).sorted {
                $0.uuidString < $1.uuidString
            }
        }
        var sections: [StartPage.Section] = []
        if let role = [Role.authorityAdmin, .coordinator].first(where: roles.contains) {
            sections.append(try await network(scope, title: role.title))
        }
        if roles.contains(.methodologist) { sections.append(try await methodologist(scope)) }
        for org in orgs(.centerHead) { sections.append(try await centre(scope, org)) }
        if roles.contains(.teacher) { sections.append(try await teacher(scope)) }
        for org in orgs(.schoolAdmin) { sections.append(try await school(scope, org)) }
        if roles.contains(.student) || roles.contains(.guardian) {
            sections += try await family(scope, guardian: roles.contains(.guardian))
        }
        return sections
    }

    /// A task from a query: how many there are and the first few, each a link (the count drops the query's eager
    /// loads; the first rows bring what their lines show).
    static func task<M: Model>(
        _ kind: StartPage.TaskKind, _ query: QueryBuilder<M>, more: String?,
        line: (M) throws -> StartPage.Link
    ) async throws -> StartPage.Task {
        let total = try await query.copy().count()
        let rows = total == 0 ? [] : try await query.copy().limit(shown).all()
        return StartPage.Task(kind: kind, total: total, items: try rows.map(line), moreURL: more)
    }

    /// Lessons of a week by day, as the timetable shows them, each leading to its journal where the user may mark it.
    static func week(_ scope: Scope, lessons: [WeekLesson], url: String) -> StartPage.Week {
        let monday = scope.today.startOfWeek
        let byDay = Dictionary(grouping: lessons, by: \.day)
        let days = (0..<7).compactMap { offset -> StartPage.Day? in
            let day = monday.adding(days: offset)
            guard let entries = byDay[day.number], !entries.isEmpty else { return nil }
            return StartPage.Day(
                title: day.long, isToday: day == scope.today,
                entries: entries.map { lesson in
                    let journal = scope.req.can(
                        .read,
                        .journal(center: lesson.centre, teacherUserID: lesson.teacherUserID))
                    return WeekController.entry(lesson, link: journal ? SiteURL.lesson(lesson.id).path : nil)
                })
        }
        return StartPage.Week(
            title: monday.formatted + " — " + monday.adding(days: 6).formatted, days: days, url: url)
    }
}
