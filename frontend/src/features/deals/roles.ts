/** Who keeps the catalogue, sets and splits targets and keeps the objection library (the server decides; this only hides buttons that would answer 403). */
export const keeperRoles = ['Manager', 'Director', 'Admin'];
