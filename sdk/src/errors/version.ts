// Kept in step with sdk/package.json; shown in every error message.
export const version = '0.1.0'
