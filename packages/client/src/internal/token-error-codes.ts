/** RFC 6749 §5.2 answers that no retry can fix: the grant or the client is not accepted (a 401 from the endpoint counts too). */
export const PERMANENT_TOKEN_ERRORS: readonly string[] = ["invalid_grant", "invalid_client", "unauthorized_client"];
