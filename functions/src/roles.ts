/** Who may do what, broadest first: a user in several Cognito groups acts with the first listed. */
export const roles = ['platformAdmin', 'jurisdictionAdmin', 'officer', 'citizen'] as const;
export type RoleName = (typeof roles)[number];
