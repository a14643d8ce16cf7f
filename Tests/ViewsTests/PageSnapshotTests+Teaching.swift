@testable import Views

/// Pages of enrollment, the timetable, the journal, assessment, certificates, orders and coverage (their mocks,
/// rendered and compared with `Snapshots/`).
extension PageSnapshotTests {
    static let teachingPages: [(name: String, html: String)] = [
        // Enrollment
        ("GroupListPage", GroupListPage.mock.list.render(signedIn)),
        ("GroupCardPage", GroupCardPage.mock.card.render(signedIn)),
        ("GroupFormPage", GroupFormPage.mock.form.render(signedIn)),
        ("GroupEnrollSearchPage", GroupEnrollSearchPage.mock.list.render(signedIn)),
        ("GroupWithdrawPage", GroupWithdrawPage.mock.form.render(signedIn)),
        ("EnrollmentsPage", EnrollmentsPage.mock.list.render(signedIn)),
        ("CampaignListPage", CampaignListPage.mock.list.render(signedIn)),
        ("CampaignCardPage", campaignCard(CampaignCardPage.mock).render(signedIn)),
        ("CampaignFormPage", campaignForm(CampaignFormPage.mock).render(signedIn)),
        ("EnrollmentListsPage", EnrollmentListsPage.mock.list.render(signedIn)),
        ("EnrollmentListReturnPage", EnrollmentListReturnPage.mock.form.render(signedIn)),
        ("CampaignDistributePage", CampaignDistributePage.mock.page.render(signedIn)),
        ("MyApplicationsPage", MyApplicationsPage.mock.page.render(signedIn)),
        ("ApplicationPage", MyApplicationsPage.single(.mock).render(signedIn)),
        ("ApplicationQueuePage", ApplicationQueuePage.mock.list.render(signedIn)),
        ("ApplicationRefusePage", ApplicationRefusePage.mock.form.render(signedIn)),
        ("ApplicationCancelPage", ApplicationCancelPage.mock.page.render(signedIn)),
        ("ApplicationFormPage", ApplicationFormPage.mock.form.render(signedIn)),
        ("IUPDocument", DocumentPage(doc: IUPDocument.mock.doc, crumbs: [], docxURL: "/iup.docx").render(signedIn)),
        (
            "GuardianAgreementDocument",
            DocumentPage(doc: GuardianAgreementDocument.mock.doc, crumbs: [], docxURL: "/agreement.docx").render(
                signedIn)
        ),
        (
            "ContractDocument",
            DocumentPage(doc: ContractDocument.mock.doc, crumbs: [], docxURL: "/docx").render(signedIn)
        ),
    ]

    /// A campaign's card parts in the card the registry wraps them in.
    static func campaignCard(_ page: CampaignCardPage) -> RegistryCard {
        RegistryCard(
            title: "Запись на сетевые курсы", area: .campaigns, status: .active, facts: page.facts, actions: [],
            warnings: page.warnings, sections: page.sections, history: nil)
    }

    /// A campaign's fields in the form the registry wraps them in.
    static func campaignForm(_ page: CampaignFormPage) -> RegistryForm {
        RegistryForm(
            title: "Новая кампания записи", crumbs: [Crumb("Кампании записи", "/campaigns")], action: "/campaigns/new",
            cancelURL: "/campaigns", fields: page.fields, values: FormValues())
    }
}
