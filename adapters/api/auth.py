"""Bearer-token authentication: the employee id comes from the token, never from the request body."""

from __future__ import annotations

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from adapters.api.tokens import TokenStore

bearer = HTTPBearer(auto_error=False, description="A token from `mentor tokens create --employee ID`.")


def current_employee(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> str:
    """The token owner's employee id; 401 with a hint when the token is missing or unknown."""
    checked = getattr(request.state, "employee_id", None)  # set by RequestGuard before the body was read
    if checked:
        return checked
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(401, "missing token: send `Authorization: Bearer <token>` "
                                 "(create one with `mentor tokens create --employee ID`) / 缺少令牌",
                            headers={"WWW-Authenticate": "Bearer"})
    tokens: TokenStore = request.app.state.tokens
    employee_id = tokens.employee_for(credentials.credentials)
    if employee_id is None:
        raise HTTPException(401, "unknown or revoked token / 令牌无效或已撤销", headers={"WWW-Authenticate": "Bearer"})
    return employee_id
