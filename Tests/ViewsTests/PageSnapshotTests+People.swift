@testable import Views

/// Pages of accounts, the registry, programmes and students (their mocks, rendered and compared with `Snapshots/`).
extension PageSnapshotTests {
    static let peoplePages: [(name: String, html: String)] =
        registryPages + studentPages + accountPages + programPages
        + talentPages

    static let registryPages: [(name: String, html: String)] = [
        ("SubjectListPage", SubjectListPage.mock.render(signedIn)),
        ("SubjectCardPage", SubjectCardPage.mock.render(signedIn)),
        ("SubjectFormPage", SubjectFormPage.mock.render(signedIn)),
        ("AcademicYearListPage", AcademicYearListPage.mock.render(signedIn)),
        ("AcademicYearCardPage", AcademicYearCardPage.mock.render(signedIn)),
        ("AcademicYearFormPage", AcademicYearFormPage.mock.render(signedIn)),
        ("KmcListPage", KmcListPage.mock.render(signedIn)),
        ("KmcCardPage", KmcCardPage.mock.render(signedIn)),
        ("KmcFormPage", KmcFormPage.mock.render(signedIn)),
        ("RoomListPage", RoomListPage.mock.render(signedIn)),
        ("RoomCardPage", RoomCardPage.mock.render(signedIn)),
        ("RoomFormPage", RoomFormPage.mock.render(signedIn)),
        ("ResourceCenterListPage", ResourceCenterListPage.mock.render(signedIn)),
        ("ResourceCenterCardPage", ResourceCenterCardPage.mock.render(signedIn)),
        ("ResourceCenterFormPage", ResourceCenterFormPage.mock.render(signedIn)),
        ("PartnerListPage", PartnerListPage.mock.render(signedIn)),
        ("PartnerCardPage", PartnerCardPage.mock.render(signedIn)),
        ("PartnerFormPage", PartnerFormPage.mock.render(signedIn)),
        ("AgreementListPage", AgreementListPage.mock.render(signedIn)),
        ("AgreementCardPage", AgreementCardPage.mock.render(signedIn)),
        ("AgreementFormPage", AgreementFormPage.mock.render(signedIn)),
        ("StaffListPage", StaffListPage.mock.render(signedIn)),
        ("StaffCardPage", StaffCardPage.mock.render(signedIn)),
        ("StaffFormPage", StaffFormPage.mock.render(signedIn)),
        ("MunicipalityFormPage", MunicipalityFormPage.mock.render(signedIn)),
        ("OrganizationRelated", OrganizationRelated.mock.render(signedIn)),
        (
            "ArchiveConfirmPage",
            ConfirmPage.archive(
                .rooms, id: MockID.of(0x591), title: "Кабинет № 214",
                consequence: "Кабинет пропадёт из списков выбора."
            ).render(signedIn)
        ),
    ]

    static let studentPages: [(name: String, html: String)] = [
        ("StudentListPage", StudentListPage.mock.render(signedIn)),
        ("StudentCardPage", StudentCardPage.mock.render(signedIn)),
        ("StudentFormPage", StudentFormPage.mock.render(signedIn)),
        ("GuardianFormPage", GuardianFormPage.mock.render(signedIn)),
        ("GuardianInvitePage", GuardianInvitePage.mock.render(signedIn)),
        ("GuardianRemovePage", GuardianRemovePage.mock.render(signedIn)),
        ("InviteRedeemPage", InviteRedeemPage.mock.render(anonymous)),
        ("WithdrawConsentPage", WithdrawConsentPage.mock.render(signedIn)),
        (
            "StudentImportRevertPage",
            StudentImportWords.revertConfirm(url: "/students/imports/x", fileName: "7б.xlsx", created: 20, merged: 3)
                .render(signedIn)
        ),
    ]

    static let accountPages: [(name: String, html: String)] = [
        ("UserListPage", UserListPage.mock.render(signedIn)),
        ("UserCardPage", UserCardPage.mock.render(signedIn)),
        ("UserFormPage", UserFormPage.mock.render(signedIn)),
        ("RoleFormPage", RoleFormPage.mock.render(signedIn)),
        ("UserCodePage", UserCodePage.mock.render(signedIn)),
        (
            "PasswordResetConfirmPage",
            UserCodePage.resetConfirm(
                userID: MockID.of(0x701), userName: "Соколова Анна Ивановна", username: "sokolova"
            )
            .render(signedIn)
        ),
    ]

    static let programPages: [(name: String, html: String)] = [
        ("ProgramListPage", ProgramListPage.mock.render(signedIn)),
        ("ProgramCardPage", ProgramCardPage.mock.render(signedIn)),
        ("ProgramFormPage", ProgramFormPage.mock.render(signedIn)),
        ("ProgramReviewPage", ProgramReviewPage.mock.render(signedIn)),
    ]

    static let talentPages: [(name: String, html: String)] = [
        ("OlympiadSubjectListPage", OlympiadSubjectListPage.mock.render(signedIn)),
        ("OlympiadSubjectFormPage", OlympiadSubjectFormPage.mock.render(signedIn)),
        ("ContestListPage", ContestListPage.mock.render(signedIn)),
        ("ContestCardPage", ContestCardPage.mock.render(signedIn)),
        ("ContestFormPage", ContestFormPage.mock.render(signedIn)),
        ("ContestEditionListPage", ContestEditionListPage.mock.render(signedIn)),
        ("ContestEditionCardPage", ContestEditionCardPage.mock.render(signedIn)),
        ("ContestEditionFormPage", ContestEditionFormPage.mock.render(signedIn)),
        ("AchievementListPage", AchievementListPage.mock.render(signedIn)),
        ("AchievementFormPage", AchievementFormPage.mock.render(signedIn)),
        ("AchievementImportPage", AchievementImportPage.mock.render(signedIn)),
        ("AchievementDocumentPage", AchievementDocumentPage.mock.render(signedIn)),
        ("WinnersPage", WinnersPage.mock.render(signedIn)),
        ("RoadmapListPage", RoadmapListPage.mock.render(signedIn)),
        ("RoadmapPage", RoadmapPage.mock.render(signedIn)),
        ("PlanListPage", PlanListPage.mock.render(signedIn)),
        ("PlanNewPage", PlanNewPage.mock.render(signedIn)),
        ("PlanPage", PlanPage.mock.render(signedIn)),
        ("PlanItemPage", PlanItemPage.mock.render(signedIn)),
        ("PlanEvidencePage", PlanEvidencePage.mock.render(signedIn)),
        ("ReportCampaignListPage", ReportCampaignListPage.mock.render(signedIn)),
        ("ReportCampaignNewPage", ReportCampaignNewPage.mock.render(signedIn)),
        ("ReportCampaignPage", ReportCampaignPage.mock.render(signedIn)),
        ("ReportPage", ReportPage.mock.render(signedIn)),
        ("ReportConsolidatedPage", ReportConsolidatedPage.mock.render(signedIn)),
        ("ReportFormListPage", ReportFormListPage.mock.render(signedIn)),
        ("ReportFormPage", ReportFormPage.mock.render(signedIn)),
        ("ReportFormEditPage", ReportFormEditPage.mock.render(signedIn)),
        ("MeetingListPage", MeetingListPage.mock.render(signedIn)),
        ("MeetingPage", MeetingPage.mock.render(signedIn)),
        ("MeetingFormPage", MeetingFormPage.mock.render(signedIn)),
        ("ActivityProgramListPage", ActivityProgramListPage.mock.render(signedIn)),
        ("ActivityProgramPage", ActivityProgramPage.mock.render(signedIn)),
        ("ActivityProgramFormPage", ActivityProgramFormPage.mock.render(signedIn)),
        ("AssignmentListPage", AssignmentListPage.mock.render(signedIn)),
        ("AssignmentPage", AssignmentPage.mock.render(signedIn)),
        ("AssignmentFormPage", AssignmentFormPage.mock.render(signedIn)),
        ("AnalyticNoteListPage", AnalyticNoteListPage.mock.render(signedIn)),
        ("AnalyticNotePage", AnalyticNotePage.mock.render(signedIn)),
        ("AnalyticNoteFormPage", AnalyticNoteFormPage.mock.render(signedIn)),
        ("EventListPage", EventListPage.mock.render(signedIn)),
        ("EventCardPage", EventCardPage.mock.render(signedIn)),
        ("EventFormPage", EventFormPage.mock.render(signedIn)),
        ("DevelopmentListPage", DevelopmentListPage.mock.render(signedIn)),
        ("DevelopmentCardPage", DevelopmentCardPage.mock.render(signedIn)),
        ("DevelopmentFormPage", DevelopmentFormPage.mock.render(signedIn)),
        ("DevelopmentDuePage", DevelopmentDuePage.mock.render(signedIn)),
        ("AwardRoundsPage", AwardRoundsPage.mock.render(signedIn)),
        ("AwardRoundPage", AwardRoundPage.mock.render(signedIn)),
        ("AwardApproval", AwardRoundPage.mock.approval().render(signedIn)),
        ("BudgetListPage", BudgetListPage.mock.render(signedIn)),
        ("BudgetCardPage", BudgetCardPage.mock.render(signedIn)),
        (
            "BudgetFormPage",
            RegistryForm.preview(.budget, title: BudgetWords.newTitle, fields: BudgetFormPage().fields).render(signedIn)
        ),
        ("BudgetEntryFormPage", BudgetEntryFormPage.mock.form.render(signedIn)),
        ("BudgetPayPage", BudgetPayPage.mock.form.render(signedIn)),
        ("BudgetCancelPage", BudgetPayPage.mock.cancel.render(signedIn)),
        ("EventRegistrationsPage", EventRegistrationsPage.mock.render(signedIn)),
        ("EventPlanPage", EventPlanPage.mock.render(signedIn)),
        ("PublicCalendarPage", PublicCalendarPage.mock.render(signedIn)),
        ("OlympiadStageListPage", OlympiadStageListPage.mock.render(signedIn)),
        ("OlympiadStageCardPage", OlympiadStageCardPage.mock.render(signedIn)),
        ("OlympiadStageFormPage", OlympiadStageFormPage.mock.render(signedIn)),
        ("OlympiadGradesPage", OlympiadGradesPage.mock.render(signedIn)),
        ("OlympiadInvitedPage", OlympiadInvitedPage.mock.render(signedIn)),
        ("OlympiadParticipantFormPage", OlympiadParticipantFormPage.mock.render(signedIn)),
        ("OlympiadAppealPage", OlympiadAppealPage.mock.render(signedIn)),
        ("OlympiadRatingPage", OlympiadRatingPage.mock.render(signedIn)),
        ("OlympiadPublicPage", OlympiadPublicPage.mock.render(signedIn)),
        ("OlympiadResultImportPage", OlympiadResultImportPage.mock.render(signedIn)),
        ("OlympiadRegionalPage", OlympiadRegionalPage.mock.render(signedIn)),
        ("GiftedListPage", GiftedListPage.mock.render(signedIn)),
        ("GiftedCardPage", GiftedCardPage.mock.render(signedIn)),
        ("GiftedRuleFormPage", GiftedRuleFormPage.mock.render(signedIn)),
        ("GiftedDecisionPage", GiftedDecisionPage.mock.render(signedIn)),
        ("SupportListPage", SupportListPage.mock.render(signedIn)),
        ("SupportCandidatesPage", SupportCandidatesPage.mock.render(signedIn)),
        ("SupportCardPage", SupportCardPage.mock.render(signedIn)),
        ("SupportFormPage", SupportFormPage.mock.render(signedIn)),
        ("SupportWeightsFormPage", SupportWeightsFormPage.mock.render(signedIn)),
        ("SupportOrderPage", SupportOrderPage.mock.render(signedIn)),
        ("RouteListPage", RouteListPage.mock.render(signedIn)),
        ("RouteCardPage", RouteCardPage.mock.render(signedIn)),
        ("RouteFormPage", RouteFormPage.mock.render(signedIn)),
        ("RouteStepFormPage", RouteStepFormPage.mock.render(signedIn)),
        ("TalentStatisticsPage", TalentStatisticsPage.mock.render(signedIn)),
    ]
}
