"""Accounts: users and passwords, the organizers' view of students and staff, rosters, and
the organization tree (regions, schools, classes) with its merge and import.
"""

from .managed_users import (
    create_staff,
    get_managed_user,
    list_staff,
    list_students,
    reset_user_password,
    set_active,
    set_test_account,
)
from .merge import merge
from .organization_import import ImportReport, import_organization_file
from .organizations import (
    can_manage,
    choices,
    create_child,
    descendant_ids,
    ensure_path,
    find_by_path,
    get_managed,
    managed_ids,
    remove,
    rename,
    selectable_for_students,
    tree,
)
from .passwords import PRODUCTION_METHOD, dummy_hash, verify_password
from .roster import (
    CREDENTIAL_HEADER,
    RosterResult,
    import_roster,
    take_credentials,
    view_credentials,
)
from .sessions import SessionVersions, bump_session_version, parse_session_id
from .users import (
    BackoffPolicy,
    LoginThrottled,
    NewUser,
    authenticate,
    change_password,
    create_user,
    generate_password,
    get_user_by_username,
    hash_password,
)

__all__ = [
    "SessionVersions",
    "bump_session_version",
    "parse_session_id",
    "PRODUCTION_METHOD",
    "dummy_hash",
    "verify_password",
    "BackoffPolicy",
    "CREDENTIAL_HEADER",
    "ImportReport",
    "LoginThrottled",
    "NewUser",
    "RosterResult",
    "authenticate",
    "can_manage",
    "change_password",
    "choices",
    "create_child",
    "create_staff",
    "create_user",
    "descendant_ids",
    "ensure_path",
    "find_by_path",
    "generate_password",
    "get_managed",
    "get_managed_user",
    "get_user_by_username",
    "hash_password",
    "import_organization_file",
    "import_roster",
    "list_staff",
    "list_students",
    "managed_ids",
    "merge",
    "remove",
    "rename",
    "reset_user_password",
    "selectable_for_students",
    "set_active",
    "set_test_account",
    "take_credentials",
    "tree",
    "view_credentials",
]
