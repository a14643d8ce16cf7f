import Documents
import Domain
import Fluent
import Vapor
import Views

/// The network's monthly schedule (`002_f5d848fa5a191e3f.txt`: the authority's monthly plan publishes the schedule of
/// the network's courses): public like the catalogue, printable, and as XLSX.
extension WeekController {
    struct Month {
        var municipalityID: UUID
        var first: CivilDay
        var center: UUID?
        var rows: [MonthSchedulePage.Row]
        var title: String { Self.title(first) }
        static func title(_ day: CivilDay) -> String {
            TimetableWords.monthTitle(month: day.ymd.month, year: day.ymd.year)
        }
    }

    /// The month asked for (`?month=2026-09`), else this one; lessons of the municipality's groups, of one centre if
    /// asked, as the schedule's rows (`MonthScheduleSQL`).
    func loadMonth(_ req: Request) async throws -> Month? {
        let municipalityID: UUID
        if let id = req.currentUser?.municipalityIDs.first {
            municipalityID = id
        } else if let id = try await Municipality.query(on: req.db).sort(\.$createdAt).first()?.id {
            municipalityID = id
        } else {
            return nil
        }
        let zone = try await MunicipalClock.zone(municipalityID, on: req.db)
        let raw = req.query[String.self, at: "month"] ?? ""
        // Months of the years Setka can have data for; anything else shows the current month.
        let asked = CivilDay.parse(raw + "-01").flatMap { (2000...2100).contains($0.ymd.year) ? $0 : nil }
        let first = asked ?? CivilDay(Date(), timeZone: zone).startOfMonth
        let center = req.query[String.self, at: "center"].flatMap(UUID.init(uuidString:))
        let rows = try await MonthScheduleSQL.rows(
            municipalityID: municipalityID, centre: center, from: first, to: first.adding(days: first.daysInMonth - 1),
            on: req.db)
        return Month(municipalityID: municipalityID, first: first, center: center, rows: rows)
    }

    func month(req: Request) async throws -> Response {
        guard let month = try await loadMonth(req) else {
            throw AppError.notFound(TimetableWords.Refusal.networkNotSetUp)
        }
        let centers = try await OrganizationQueries.currentCenterIDs(
            municipalityIDs: [month.municipalityID], on: req.db)
        let options = try await RegistrySupport.organizationOptions(month.municipalityID, on: req.db).filter {
            centers.contains(UUID(uuidString: $0.value)!)
        }
        let center = month.center?.uuidString.lowercased()
        func url(_ day: CivilDay, _ route: SiteURL = .schedule) -> String {
            route.with([("month", String(day.iso.prefix(7))), ("center", center)])
        }
        // The twelve months from the September before the shown month.
        let (year, mo, _) = month.first.ymd
        let september = CivilDay(year: mo >= 9 ? year : year - 1, month: 9, day: 1) ?? month.first
        var months: [(value: String, title: String)] = []
        var day = september
        for _ in 0..<12 {
            months.append((String(day.iso.prefix(7)), Month.title(day)))
            day = day.adding(days: day.daysInMonth)
        }
        let page = MonthSchedulePage(
            monthTitle: month.title, month: String(month.first.iso.prefix(7)), months: months, centers: options,
            center: center,
            previousURL: url(month.first.adding(days: -1).startOfMonth),
            nextURL: url(month.first.adding(days: month.first.daysInMonth)),
            xlsxURL: url(month.first, .scheduleXLSX), rows: month.rows)
        return req.render(page.render(await req.pageContext(active: req.currentUser == nil ? nil : .timetable)))
    }

    func monthXLSX(req: Request) async throws -> Response {
        guard let month = try await loadMonth(req) else {
            throw AppError.notFound(TimetableWords.Refusal.networkNotSetUp)
        }
        let data = try XLSXWriter.workbook(
            sheetName: MonthSchedulePage.sheetName, header: MonthSchedulePage.sheetHeader,
            rows: MonthSchedulePage.sheetRows(month.rows))
        return Response.download(data, name: "raspisanie-\(month.first.iso.prefix(7)).xlsx", type: .xlsx)
    }
}
