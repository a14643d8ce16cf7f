import Domain
import Foundation

/// The form that attaches a plan item's evidence file (issue 22, item 2): an order, a report, minutes — PDF, JPEG or
/// PNG up to 5 MB; a new one replaces the old.
public struct PlanEvidencePage: Sendable {
    public var itemID: UUID
    public var planID: UUID
    public var planTitle: String
    public var measure: String
    public var current: String?
    public var problem: String?

    public init(
        itemID: UUID, planID: UUID, planTitle: String, measure: String, current: String?, problem: String? = nil
    ) {
        self.itemID = itemID
        self.planID = planID
        self.planTitle = planTitle
        self.measure = measure
        self.current = current
        self.problem = problem
    }

    public static let mock = PlanEvidencePage(
        itemID: MockID.of(2), planID: MockID.of(1), planTitle: "Дорожная карта — МБОУ «СОШ № 3», 2027",
        measure: "Утверждение положения о деятельности центра", current: nil)

    public func render(_ ctx: PageContext) -> String {
        let item = SiteURL.planItem(itemID).path
        let title = PlanWords.Evidence.title
        return Layout.page(
            ctx, title: title,
            crumbs: [
                Crumb(PlanWords.title, SiteURL.plans.path), Crumb(planTitle, SiteURL.plan(planID).path),
                Crumb(measure, item), Crumb(title),
            ]
        ) {
            el("h1") { title }
            el("p", .cls("muted")) { PlanWords.Evidence.intro(current) }
            UI.scanForm(ctx, action: PlanItemPage.evidencePath(itemID), cancel: item, problem: problem)
        }
    }
}
