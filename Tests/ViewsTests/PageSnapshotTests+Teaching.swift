@testable import Views

/// Pages of enrollment, the timetable, the journal, assessment, certificates, orders and coverage (their mocks,
/// rendered and compared with `Snapshots/`).
extension PageSnapshotTests {
    static let teachingPages: [(name: String, html: String)] = [
        // Timetable, journal, assessment, certificates, orders, coverage
        ("GroupTimetablePage", GroupTimetablePage.mock.card.render(signedIn)),
        ("WeeklyLessonsPage", WeeklyLessonsPage.mock.form.render(signedIn)),
        ("LessonFormPage", LessonFormPage.mock.form.render(signedIn)),
        ("LessonCancelPage", LessonCancelPage.mock.form.render(signedIn)),
        ("CalendarFeedsPage", CalendarFeedsPage.mock.card.render(signedIn)),
        ("CalendarFeedNewPage", CalendarFeedNewPage.mock.form.render(signedIn)),
        ("CalendarFeedLinkPage", CalendarFeedLinkPage.mock.notice.render(signedIn)),
        ("HolidayListPage", HolidayListPage.mock.list.render(signedIn)),
        ("BusySlotListPage", BusySlotListPage.mock.list.render(signedIn)),
        ("TravelTimeListPage", TravelTimeListPage.mock.list.render(signedIn)),
        ("StudentProgressPage", StudentProgressPage.mock.card.render(signedIn)),
        ("GroupCertificatesPage", GroupCertificatesPage.mock.card.render(signedIn)),
        ("IssueCertificatesPage", IssueCertificatesPage.mock.render(signedIn)),
        ("CertificateCardPage", CertificateCardPage.mock.card.render(signedIn)),
        ("CertificateAnnulPage", CertificateAnnulPage.mock.form.render(signedIn)),
        ("CertificateListPage", CertificateListPage.mock.list.render(signedIn)),
        ("CoveragePage", CoveragePage.mock.list.render(signedIn)),
        ("HeadcountFormPage", HeadcountFormPage.mock.form.render(signedIn)),
        ("DiagnosticWorkFormPage", DiagnosticWorkFormPage.mock.form.render(signedIn)),
        ("OrderListPage", OrderListPage.mock.list.render(signedIn)),
        ("OrderCardPage", OrderCardPage.mock.card.render(signedIn)),
        ("OrderNewPage", OrderNewPage.mock.form.render(signedIn)),
        ("OrderEditPage", OrderEditPage.mock.form.render(signedIn)),
        ("OrderSignPage", OrderSignPage.mock.form.render(signedIn)),
        ("OrderDeletePage", OrderDeletePage.mock.form.render(signedIn)),
        (
            "OrderDocument",
            DocumentPage(doc: OrderDocument.mock.model, crumbs: [], docxURL: "/orders/x/docx").render(signedIn)
        ),
        (
            "OrderDocumentTalentSupport",
            DocumentPage(
                doc: OrderDocument(
                    kind: .talentSupport, yearTitle: "2026/2027", period: "01.09.2026 — 31.05.2027",
                    municipality: "Городской округ Примерный", authority: nil, number: "77-о", day: "01.10.2026",
                    annex: .talentSupport([
                        .init(
                            student: "Лебедева Ольга Ивановна", school: "МБОУ «СОШ № 1»", grade: 10,
                            measure: "стипендия (с 01.10.2026 по 31.12.2026)",
                            sum: "3 000 ₽ в месяц × 3 мес. = 9 000 ₽", basis: "Победитель муниципального этапа")
                    ])
                ).model, crumbs: [], docxURL: "/orders/x/docx"
            ).render(signedIn)
        ),
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
        (
            "ApplicationAgreementPage",
            ApplicationAgreementForm.mock.below(MyApplicationsPage.single(.mock).render(signedIn), csrf: "csrf-mock")
        ),
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
