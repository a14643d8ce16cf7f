import Domain
import Fluent
import Vapor
import Views

/// An event's registrations page (issue 23, item 1): a parent registers a child, a teacher or a parent themselves, and
/// cancels before the event; the organiser — and those who run the municipality — see who registered and mark who came.
struct EventRegistrationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("events", ":id", "registrations", use: show)
        routes.post("events", ":id", "registrations", use: register)
        routes.get("events", ":id", "registrations", ":registration", "cancel", use: cancelConfirm)
        routes.post("events", ":id", "registrations", ":registration", "cancel", use: cancel)
        routes.post("events", ":id", "attendance", use: attendance)
    }

    static func event(_ req: Request) async throws -> Event {
        guard let event = try await Event.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(EventWords.notFound)
        }
        try req.authorize(.read, event.resource)
        return event
    }

    /// The registrations a user sees of an event: every one for its organiser's side, else their own and their
    /// linked students'.
    static func visible(_ event: Event, req: Request) async throws -> (all: Bool, rows: [EventRegistration]) {
        let user = try req.requireUser()
        let all = req.can(.read, event.registrationsResource)
        var query = EventRegistration.query(on: req.db).filter(\.$event.$id == (try event.requireID()))
        if !all {
            let students = Array(user.actor.students)
            query = query.group(.or) {
                $0.filter(\.$user.$id == user.userID)
                if !students.isEmpty { $0.filter(\.$student.$id ~~ students) }
            }
        }
        // Sorted in Swift: «ё» after «е», as the registry sorts names (`TextKey.sort`).
        let rows = try await query.all().sorted {
            (TextKey.sort($0.fullName), $0.createdAt) < (TextKey.sort($1.fullName), $1.createdAt)
        }
        return (all, rows)
    }

    func page(_ req: Request, _ event: Event, errors: FieldErrors = FieldErrors()) async throws
        -> EventRegistrationsPage
    {
        let today = try await PlanBoard.today(req)
        let summary = try await EventSummaries.make([event], today: today, on: req.db)[0]
        let (all, rows) = try await Self.visible(event, req: req)
        let user = try req.requireUser()
        let mine = rows.filter {
            $0.$user.id == user.userID || $0.$student.id.map(user.actor.students.contains) == true
        }
        let taken = Set(rows.map { $0.$student.id.map(EventRegistrant.student) ?? .user($0.$user.id ?? UUID()) })
        let people = try await EventRegistrations.people(for: event, req: req).filter { !taken.contains($0.registrant) }
        let windowRefusal = event.window.refusal(today: today)
        let full = summary.phase == .full
        let zone = try await RegistrySupport.zone(req)
        let orgIDs = Set(rows.compactMap(\.$organization.id))
        let orgNames = try await Organization.query(on: req.db).filter(\.$id ~~ orgIDs).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.shortName }
        let canMark = req.can(.update, event.registrationsResource) && today >= event.firstDay && !event.isCancelled
        return EventRegistrationsPage(
            summary: summary,
            choices: people.map { (Self.choice($0.registrant), $0.name) },
            closed: windowRefusal.map(EventWords.refusal) ?? (full ? EventWords.refusal(.full) : nil)
                ?? (people.isEmpty && mine.isEmpty ? EventWords.nobodyToRegister(event.eventAudience) : nil),
            mine: try mine.map {
                .init(id: try $0.requireID(), name: $0.fullName, mayCancel: today < event.firstDay)
            },
            participants: all
                ? try rows.map {
                    .init(
                        id: try $0.requireID(), name: $0.fullName,
                        organization: $0.$organization.id.flatMap { orgNames[$0] } ?? "",
                        registeredAt: RuDate.format($0.createdAt, timeZone: zone), attended: $0.attended)
                } : nil,
            canMark: canMark, errors: errors)
    }

    static func choice(_ registrant: EventRegistrant) -> String {
        switch registrant {
        case .student(let id): "student:" + id.uuidString.lowercased()
        case .user: "self"
        }
    }

    func show(req: Request) async throws -> Response {
        let event = try await Self.event(req)
        return req.render(try await page(req, event).render(await req.pageContext(active: .registry(.events))))
    }

    func register(req: Request) async throws -> Response {
        let event = try await Self.event(req)
        let who = RegistrySupport.form(req)["who"] ?? ""
        let people = try await EventRegistrations.people(for: event, req: req)
        guard let person = people.first(where: { Self.choice($0.registrant) == who }) else {
            var errors = FieldErrors()
            errors.add("who", EventWords.Check.choosePerson)
            return req.render(
                try await page(req, event, errors: errors).render(await req.pageContext(active: .registry(.events))),
                status: .unprocessableEntity)
        }
        do {
            if let refusal = try EventRegistrations.refusal(
                person.registrant, for: event, req: req, today: try await PlanBoard.today(req))
            {
                throw refusal
            }
            _ = try await EventRegistrations.register(person, event: event, req: req)
        } catch let refusal as EventRegistrationRefusal {
            var errors = FieldErrors()
            errors.add("form", EventWords.refusal(refusal))
            let fresh = try await Self.event(req)
            return req.render(
                try await page(req, fresh, errors: errors).render(await req.pageContext(active: .registry(.events))),
                status: .conflict)
        }
        return req.redirect(to: SiteURL.eventRegistrations(try event.requireID()).path, flash: EventWords.registered)
    }

    /// The registration the user may cancel now: their own (or their child's) before the event starts; the organiser's
    /// side any of them until it ends.
    static func cancellable(_ req: Request) async throws -> (Event, EventRegistration) {
        let event = try await Self.event(req)
        let (all, rows) = try await Self.visible(event, req: req)
        let id = try req.idParameter("registration")
        guard let registration = rows.first(where: { $0.id == id }) else { throw AppError.notFound() }
        let today = try await PlanBoard.today(req)
        let organiser = all && req.can(.update, event.registrationsResource)
        guard organiser ? today <= event.lastDay : today < event.firstDay else {
            throw AppError.conflict(EventWords.cancelTooLate)
        }
        return (event, registration)
    }

    func cancelConfirm(req: Request) async throws -> Response {
        let (event, registration) = try await Self.cancellable(req)
        let back = SiteURL.eventRegistrations(try event.requireID()).path
        let page = ConfirmPage(
            title: EventWords.cancelTitle, question: EventWords.cancelQuestion(registration.fullName, event.title),
            consequence: EventWords.cancelConsequence, action: req.url.path, button: EventWords.cancelButton,
            cancelURL: back,
            crumbs: [
                Crumb(MenuArea.registry(.events).title, SiteURL.list(.events).path), Crumb(event.title, back),
                Crumb(EventWords.cancelTitle),
            ])
        return req.render(page.render(await req.pageContext(active: .registry(.events))))
    }

    func cancel(req: Request) async throws -> Response {
        let (event, registration) = try await Self.cancellable(req)
        guard try await EventRegistrations.cancel(registration, event: event, req: req) else {
            throw AppError.notFound()
        }
        return req.redirect(to: SiteURL.eventRegistrations(try event.requireID()).path, flash: EventWords.unregistered)
    }

    func attendance(req: Request) async throws -> Response {
        let event = try await Self.event(req)
        try req.authorize(.update, event.registrationsResource)
        guard !event.isCancelled else { throw AppError.conflict(EventWords.refusal(.cancelled)) }
        guard try await PlanBoard.today(req) >= event.firstDay else {
            throw AppError.conflict(EventWords.attendanceBeforeStart)
        }
        let present = Set((RegistrySupport.form(req).values["attended"] ?? []).compactMap(UUID.init(uuidString:)))
        try await EventRegistrations.mark(event, present: present, req: req)
        return req.redirect(
            to: SiteURL.eventRegistrations(try event.requireID()).path, flash: EventWords.attendanceSaved)
    }
}

extension Event {
    var organizer: OrgRef { OrgRef(id: $organization.id, municipalityID: $municipality.id) }
    var resource: Resource { .event(organizer: organizer) }
    var registrationsResource: Resource { .eventRegistrations(organizer: organizer) }
}
