/** Who may do what, broadest first: a user in several Cognito groups acts with the first listed. */
export const roles = ['platformAdmin', 'jurisdictionAdmin', 'windowOfficer', 'officer', 'citizen'] as const;
/** A window officer (综合窗口) belongs to a jurisdiction's service centre, not a department: they take applications for any item and hand out results. */
export type RoleName = (typeof roles)[number];
