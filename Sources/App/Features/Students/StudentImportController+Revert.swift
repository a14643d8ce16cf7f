import Domain
import Fluent
import Vapor
import Views

/// Undoing a committed import: the confirmation page and the revert itself.
extension StudentImportController {
    func revertConfirm(req: Request) async throws -> Response {
        let b = try await find(req)
        guard b.state == StudentImportBatch.State.committed.rawValue else {
            return req.redirect(to: Self.url(try b.requireID()), redirectType: .normal)
        }
        let url = Self.url(try b.requireID())
        let page = ConfirmPage(
            title: "Отменить загрузку", question: "Отменить загрузку «\(b.fileName)»?",
            consequence:
                "Добавленные записи (\(b.createdCount)) будут удалены, у объединённых записей (\(b.mergedCount)) "
                + "восстановятся прежние значения. Если кого-то из них уже записали в группы или изменили, "
                + "отмена не выполнится.",
            action: url + "/revert", button: "Отменить загрузку", cancelURL: url,
            crumbs: [
                Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb("Загрузка «\(b.fileName)»", url),
                Crumb("Отмена"),
            ])
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func revert(req: Request) async throws -> Response {
        let b = try await find(req)
        do {
            try await StudentImportService.revert(batchID: try b.requireID(), req: req)
            return req.redirect(to: Self.url(try b.requireID()), flash: "Загрузка отменена.")
        } catch let e as AppError where e.status == .conflict {
            return try await renderBatch(req, batch: b, analysis: nil, problem: e.reason, status: .conflict)
        }
    }
}
