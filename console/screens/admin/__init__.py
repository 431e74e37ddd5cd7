"""The admin screen: users, roles, teams, passwords and lockouts (MANAGE_USERS)."""
