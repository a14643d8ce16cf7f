import Foundation

/// What is being touched.
public enum Resource: Sendable {
    /// An organisation's own card (public facts: names, address, contacts).
    case organization(OrgRef)
    /// Municipality-level reference data: subjects, academic years, partners, КМЦ composition.
    case reference(municipalityID: UUID)
    /// Resource-centre designations of a municipality.
    case resourceCenter(OrgRef)
    /// A network agreement between parties (organisations of one municipality).
    case agreement(parties: [OrgRef], municipalityID: UUID)
    /// A person working in one or more organisations (personal data).
    case staff(orgs: [OrgRef], municipalityID: UUID)
    /// A room of an organisation, and the organisation's week by rooms: its own head, school administrator and
    /// teachers, and the municipality's roles.
    case room(OrgRef)
    /// All user accounts and role assignments of a municipality (the administrator's area).
    case users(municipalityID: UUID)
    /// One account, described by its role assignments (a new account: the one it will get).
    case account(roles: [AccountRole], municipalityID: UUID)
    /// The audit log.
    case audit(municipalityID: UUID)
    /// A student's record in the registry (personal data of a minor), by the student's school.
    case student(school: OrgRef)
    /// A network programme of a resource centre.
    case program(OrgRef)
    /// A study group of a resource centre (its facts and counts; not its students' personal data).
    case group(OrgRef)
    /// A student's personal data as seen through a group of a centre (names, school, grade).
    case groupStudent(school: OrgRef, center: OrgRef)
    /// Putting a student into a group directly (coordinator, or the head of the group's centre).
    case enrollment(group: OrgRef, studentSchool: OrgRef)
    /// A КМЦ list for a group: the coordinator composes and sends it (create, update); the group's centre accepts or
    /// returns it (approve); both read it.
    case enrollmentList(group: OrgRef)
    /// The contract between a school and a resource centre (names the school's students in the centre's groups):
    /// the two parties' heads, the coordinator and the administrator read it.
    case contract(school: OrgRef, center: OrgRef)
    /// A student's application (ИУП) in a campaign: the student and their guardian submit and follow it (a guardian
    /// also agrees to it), the home school confirms or refuses it (approve), the КМЦ reads it.
    case application(studentID: UUID, school: OrgRef)
    /// A school's own busy time for the timetable (its lessons until 14:30 and the like): the school keeps it, and the
    /// КМЦ and the administrator; the network's staff read it.
    case schoolTime(OrgRef)
    /// A teacher's timetable across the network: the teacher themself (their account), and whoever may read the
    /// person's staff record.
    case teacherTimetable(orgs: [OrgRef], userID: UUID?, municipalityID: UUID)
    /// A staff member's record as one person (their card — the teacher's page of issue 23, item 2 — and
    /// `GET /api/v1/teachers/{id}`): read by the person themself (their account) too; every other action as `.staff`.
    case staffMember(orgs: [OrgRef], userID: UUID?, municipalityID: UUID)
    /// The journal of a group's lessons (topics, hours, attendance — names the students): the centre's head and the
    /// lesson's own teacher (`teacherUserID`, also an outside trainer) mark it; the centre's teachers, the КМЦ, the
    /// administrator and the methodologist read it.
    case journal(center: OrgRef, teacherUserID: UUID?)
    /// The authority's orders of a municipality: the administrator drafts, signs (approve) and deletes drafts
    /// (archive);
    /// the coordinator drafts; the methodologist reads.
    case order(municipalityID: UUID)
    /// A teacher's hours delivered at a centre (the basis of their pay): the teacher themself (under a staff role of the
    /// municipality), the centre's head, the КМЦ, the administrator and the methodologist — not the teacher's
    /// colleagues, nor students and guardians. The hours page asks it with the reader's own line.
    case teacherHours(center: OrgRef, teacherUserID: UUID?)
    /// Certificates of a centre's groups: the centre's head, the coordinator and the administrator issue and annul them
    /// (create, archive); the methodologist and the centre's teachers read them. A student's own are read through
    /// `.person`.
    case certificate(center: OrgRef)
    /// One student as a person: the student and their guardians see it (a guardian also acts for the child —
    /// withdraws consent, applies); staff who may read the school's students see it too.
    case person(studentID: UUID, school: OrgRef)
    /// Contests and their yearly editions (issue 21): the administrator, the
    /// coordinator and the methodologist (who runs the olympiad's municipal stage, `001_4390f67d15d9225c.txt` §2.5.3)
    /// keep them; a school administrator adds a contest or an edition its students took part in; the network's staff
    /// read them.
    case contest(municipalityID: UUID)
    /// A student's achievement (personal data of a minor), by the student's school: the school keeps its own; the
    /// administrator, the coordinator and the methodologist read the municipality's — but only of students whose
    /// consent to the processing of personal data is on record (`shared`): without it an achievement does not leave
    /// the school (issue 21, item 7). A student's own are read through `.person`.
    case achievement(school: OrgRef, shared: Bool)
    /// A municipal stage of the ВсОШ in a subject and year, its passing scores and rules (not personal): the
    /// methodologist runs it with the coordinator and the administrator (`001_4390f67d15d9225c.txt` §2.5.3); the
    /// network's staff and schools read it.
    case olympiadStage(municipalityID: UUID)
    /// A participant of a municipal stage (personal data of a minor: scores, status), by the student's school: those
    /// who run the stage keep them; the school reads its own.
    case olympiadParticipant(school: OrgRef)
    /// A preparation session with the regional stage's participants, held by a resource centre (`000_5375b2a087477e6d.txt`
    /// §4.3): those who run the stage and the centre's head keep them; the network's municipal roles read them.
    case olympiadTraining(center: OrgRef)
    /// A student in the databank of gifted students (issue 21, item 4), by the student's school: the municipality's
    /// roles read those whose consent to processing is in force (`shared`), the КМЦ and the administrator enter one by
    /// decision (create) and remove the decision (archive); the school reads its own.
    case gifted(school: OrgRef, shared: Bool)
    /// The databank's entry rule and the weights of achievement points for support: the administrator sets them; the
    /// municipality's roles read them.
    case giftedRule(municipalityID: UUID)
    /// A measure of support of a student — premium, stipend, grant, paid trip (issue 21, item 5; personal data of a
    /// minor), by the student's school: the КМЦ and the administrator choose candidates and keep the measures of
    /// students whose consent to processing is in force (`shared`); the methodologist reads them; the school reads its
    /// own.
    case supportMeasure(school: OrgRef, shared: Bool)
    /// A databank student's individual educational route with its steps (issue 21, item 6; personal data of a minor),
    /// by the student's school: the school draws it up and keeps it; the КМЦ and the administrator keep those of
    /// students with consent to processing in force (`shared`), the methodologist reads them. The student and the
    /// guardians read their own through `.person`.
    case individualRoute(school: OrgRef, shared: Bool)
    /// The psychological-pedagogical support notes of a route (`001_4390f67d15d9225c.txt` §3.3.4): the school's
    /// confidential record — its administration (with the school's psychologist) writes and reads them; nobody outside
    /// the school, not even the КМЦ who sees the route, and not the family through the route's page.
    case routeSupportNote(school: OrgRef)
    /// A roadmap template (issue 22, item 1; not personal): those who run the municipality, its centres' heads and its
    /// schools' administrations read them — a «Точка роста» centre is a school's division (`004_5209da8e0aa92458.txt`);
    /// the administrator keeps the municipality's own.
    case roadmapTemplate(municipalityID: UUID)
    /// A plan made from a roadmap template for a year (issue 22, item 2): an organisation's — a resource centre, a
    /// school with its «Точка роста» centre — (`owner`), or the municipality's own (nil). The administrator makes
    /// them; the КМЦ keeps them too; the methodologist reads; the owner's head or administration reads its own.
    case plan(owner: OrgRef?, municipalityID: UUID)
    /// An item of a plan: the owner's head or administration marks the centre's side of its own plan; the
    /// administrator and the КМЦ every item; the person named as answering for an item reads and marks that item.
    case planItem(owner: OrgRef?, side: PlanItemDraft.Side, responsibleUserID: UUID?, municipalityID: UUID)
    /// A report campaign (issue 22, item 5): the administrator and the КМЦ run them; the methodologist reads; an
    /// organisation sees a campaign through its own report.
    case reportCampaign(municipalityID: UUID)
    /// A report form of the municipality's own (issue 22, item 5; not personal): the administrator defines and edits
    /// them; the КМЦ, who announces campaigns, and the methodologist read them. An organisation sees a form's
    /// indicators through its own report.
    case reportForm(municipalityID: UUID)
    /// An organisation's report: its head or administration fills and submits it; the administrator and the КМЦ read
    /// it and return it for correction (`approve`); the methodologist reads it.
    case report(organization: OrgRef)
    /// A meeting of the КМЦ (issue 22, item 6): the administrator and the КМЦ hold them; the methodologist, centres'
    /// heads and schools' administrations — the network the КМЦ coordinates — read the agenda, minutes and decisions.
    case meeting(municipalityID: UUID)
    /// A resource centre's activity programme (issue 22, item 3; `003_256a4293e3c370c5.txt` §3.2, §3.6): the centre's
    /// head — or the administration of the school it is based at — writes, approves and submits it; the administrator
    /// and the КМЦ read it and agree it or return it with a comment (`approve`); the methodologist reads it.
    case activityProgram(center: OrgRef)
    /// A technical assignment of the КМЦ to an organisation (issue 22, item 4; `001_4390f67d15d9225c.txt` §2.5.2): the
    /// administrator and the КМЦ draft and issue them; the methodologist reads them; the organisation's head or
    /// administration reads those issued to it (its results are items of its plan, marked there).
    case assignment(organization: OrgRef, issued: Bool)
    /// A resource centre's analytic note of its year (issue 22, item 7): those who run the municipality — the
    /// methodological service analyses the centres (`003_256a4293e3c370c5.txt` §3.10) — draft and edit any; the
    /// centre's head or the administration of its base school its own (`000_5375b2a087477e6d.txt` §3.3).
    case analyticNote(center: OrgRef)
    /// An event of the network (issue 23, item 1): everyone of the municipality reads it (the consolidated plan tells
    /// every organisation its dates, `003_256a4293e3c370c5.txt` §3.10); those who run the municipality hold any, a
    /// centre's head or a school's administration its own organisation's.
    case event(organizer: OrgRef)
    /// The people registered for an event, and their attendance (personal data of minors): those who run the
    /// municipality, and the head or administration of the organisation that holds it.
    case eventRegistrations(organizer: OrgRef)
    /// A teacher's course of professional development (issue 23, item 2; `001_4390f67d15d9225c.txt` §2.5.3): those who
    /// run the municipality — the methodological service among them — keep any; a centre's head or a school's
    /// administration their own organisation's people's (`orgs`: the teacher's places of work); the teacher reads
    /// their own.
    case development(orgs: [OrgRef], teacherUserID: UUID?, municipalityID: UUID)
    /// A year's round of financial support for teachers (issue 23, item 3; `002_f5d848fa5a191e3f.txt` §15): the
    /// administrator sets the budget and the rule and approves the round (create, archive, approve); the КМЦ assigns
    /// the amounts (update); the methodological service reads it. Amounts paid to people: no organisation reads it.
    case awardRound(municipalityID: UUID)
    /// A line of the municipal programme's budget with its entries (issue 23, item 6; `000_5375b2a087477e6d.txt` §4.3,
    /// §4.5, §5: paid «по согласованию с ГМК» from the programme): the administrator plans the lines and commits and
    /// pays from them (create, update, archive); the КМЦ and the methodological service read them.
    case budgetLine(municipalityID: UUID)
}
