-- Sign-in budgets that every server shares (see migrations/sqlite/).
CREATE TABLE sign_in_budget (
    budget_key  TEXT        PRIMARY KEY,
    spent_until TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_budget_spent_until ON sign_in_budget (spent_until);
