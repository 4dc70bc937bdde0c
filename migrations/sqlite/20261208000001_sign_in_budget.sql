-- Sign-in budgets that every server shares (db::sign_in_budgets): per key (an account or a
-- client address), the instant until which its attempts are spent. A row whose instant
-- has passed means a whole budget and is pruned.
CREATE TABLE sign_in_budget (
    budget_key  TEXT PRIMARY KEY,
    spent_until TEXT NOT NULL
);
CREATE INDEX sign_in_budget_spent_until ON sign_in_budget (spent_until);
