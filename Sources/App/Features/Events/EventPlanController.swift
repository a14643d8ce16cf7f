import Documents
import Domain
import Fluent
import Vapor
import Views

/// The consolidated plan of events for an academic year by month, printable and as XLSX (`003_256a4293e3c370c5.txt`
/// §3.10: the methodological service forms the consolidated plan and tells the organisations the dates), and the public
/// calendar of open events with its iCal feed (no login).
struct EventPlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("events", "plan", use: plan)
        routes.get("events", "plan.xlsx", use: planXLSX)
        routes.get("calendar", use: calendar)
        routes.get("calendar.ics", use: calendarFeed)
    }

    /// The plan's academic year (the one asked for, or the current one), the years to choose from, and its events by
    /// month.
    func months(_ req: Request) async throws -> (year: AcademicYear, years: [AcademicYear], months: [EventMonth]) {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .event(organizer: OrgRef(id: UUID(), municipalityID: municipalityID)))
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$startsOn, .descending).all()
        let asked = (try? req.query.get(String.self, at: "year")).flatMap(UUID.init(uuidString:))
        guard let year = years.first(where: { $0.id == asked }) ?? years.first(where: \.isCurrent) ?? years.first
        else { throw AppError.notFound(JournalWords.noYears) }
        let zone = try await RegistrySupport.zone(req)
        let from = CivilDay(year.startsOn, timeZone: zone)
        let to = CivilDay(year.endsOn, timeZone: zone)
        let events = try await Event.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$startsOn >= from.number).filter(\.$startsOn <= to.number).sort(\.$startsOn).sort(\.$startsAt)
            .sort(\.$id).all()
        return (
            year, years,
            try await Self.byMonth(
                events, from: from, to: to, today: try await PlanBoard.today(req),
                on: req.db)
        )
    }

    static func byMonth(_ events: [Event], from: CivilDay, to: CivilDay, today: CivilDay, on db: any Database)
        async throws -> [EventMonth]
    {
        let summaries = try await EventSummaries.make(events, today: today, on: db)
        return ConsolidatedPlan.months(from: from, to: to, starts: events.map(\.firstDay)).map { month in
            EventMonth(
                title: TimetableWords.monthTitle(month: month.month.ymd.month, year: month.month.ymd.year),
                events: month.items.map { summaries[$0] })
        }
    }

    func plan(req: Request) async throws -> Response {
        let (year, years, months) = try await months(req)
        let page = EventPlanPage(
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            year: try year.requireID().uuidString.lowercased(), yearTitle: year.title, months: months)
        return req.render(page.render(await req.pageContext(active: .registry(.events))))
    }

    func planXLSX(req: Request) async throws -> Response {
        let (year, _, months) = try await months(req)
        var rows: [[XLSXCell]] = []
        var number = 0
        for month in months {
            rows.append([.text(month.heading)])
            for event in month.events {
                number += 1
                rows.append(EventPlanPage.row(number, event).map { .text($0) })
            }
        }
        let data = try XLSXWriter.workbook(
            sheetName: EventWords.planSheet, header: EventPlanPage.columns, rows: rows)
        return Response.download(
            data, name: "svodnyj-plan-\(year.title.replacingOccurrences(of: "/", with: "-")).xlsx",
            type: .xlsx)
    }

    /// The open events from today on of the municipality the public pages show (the first one, as the catalogue).
    func openEvents(_ req: Request, days: Int) async throws -> (Municipality, TimeZone, CivilDay, [Event])? {
        guard let municipality = try await Municipality.query(on: req.db).sort(\.$createdAt).first(),
            let municipalityID = municipality.id
        else { return nil }
        let zone = try await MunicipalClock.zone(municipalityID, on: req.db)
        let today = CivilDay(Date(), timeZone: zone)
        let events = try await Event.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$isPublic == true).filter(\.$endsOn >= today.number)
            .filter(\.$startsOn <= today.adding(days: days).number).sort(\.$startsOn).sort(\.$startsAt).sort(\.$id)
            .limit(AppLimits.publicEvents).all()
        return (municipality, zone, today, events)
    }

    func calendar(req: Request) async throws -> Response {
        var months: [EventMonth] = []
        if let (_, _, today, events) = try await openEvents(req, days: 366), !events.isEmpty {
            let last = events.map(\.firstDay).max() ?? today
            months = try await Self.byMonth(
                events, from: min(today, events[0].firstDay), to: last, today: today,
                on: req.db
            ).filter { !$0.events.isEmpty }
        }
        return req.render(PublicCalendarPage(months: months).render(await req.pageContext(active: nil)))
    }

    func calendarFeed(req: Request) async throws -> Response {
        var events: [ICalendar.Event] = []
        var name = EventWords.calendarTitle
        if let (municipality, zone, _, open) = try await openEvents(req, days: 400) {
            name += " — " + municipality.name
            let summaries = try await EventSummaries.make(open, today: CivilDay(Date(), timeZone: zone), on: req.db)
            events = try zip(open, summaries).map { event, summary in
                let uid = "event-\(try event.requireID().uuidString.lowercased())@setka"
                let description = [
                    summary.kind.title, summary.audience.forWhom, summary.organizer,
                    event.link ?? "", req.absoluteURL(SiteURL.eventRegistrations(summary.id).path),
                ]
                .filter { !$0.isEmpty }.joined(separator: "\n")
                let location = event.place ?? event.link ?? ""
                guard let startsAt = event.startsAt else {
                    return ICalendar.Event(
                        uid: uid, days: (event.firstDay, event.lastDay), summary: event.title, location: location,
                        description: description, cancelled: event.isCancelled, sequence: event.version)
                }
                let start = event.firstDay.date(timeZone: zone).addingTimeInterval(Double(startsAt * 60))
                // Several days at the same hours: the first day's hours, repeated daily (no end time: an hour).
                let endMinute = event.endsAt ?? startsAt + 60
                var one = ICalendar.Event(
                    uid: uid, start: start,
                    end: event.firstDay.date(timeZone: zone).addingTimeInterval(Double(endMinute * 60)),
                    summary: event.title, location: location, description: description,
                    cancelled: event.isCancelled, sequence: event.version)
                one.daily = event.endsOn - event.startsOn + 1
                return one
            }
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(
            status: .ok, headers: headers, body: .init(string: ICalendar.render(name: name, events: events)))
    }
}
